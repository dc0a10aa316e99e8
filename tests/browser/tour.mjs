// A tour of the running demo in a real browser, as each role, with screenshots
// and timings. Usage: node tour.mjs [BASE_URL] [OUT_DIR]
// Start the demo first (`cargo run --release -- demo`). Exits non-zero when a
// page fails to load, shows an error page where it should not, or a role sees
// what it must not.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'tour-screenshots';
mkdirSync(out, { recursive: true });

const accounts = {
  admin: ['admin.bkpsdm', 'Sawahlunto#Admin1'],
  pimpinan: ['pimpinan.dpmptsp', 'Sawahlunto#Pimpinan1'],
  pegawai: ['pegawai.mpp', 'Sawahlunto#Pegawai1'],
  mitra: ['mitra.unand', 'Sawahlunto#Mitra01'],
  auditor: ['auditor.inspektorat', 'Sawahlunto#Auditor1'],
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const fail = (msg) => { failures += 1; console.log(`FAIL ${msg}`); };

async function login(page, role) {
  const [user, pass] = accounts[role];
  await page.goto(`${base}/masuk`);
  await page.fill('#username', user);
  await page.fill('#password', pass);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.click('button[type=submit]')]);
}

async function visit(page, role, path, name) {
  const t0 = Date.now();
  const resp = await page.goto(`${base}${path}`);
  const ms = Date.now() - t0;
  await page.screenshot({ path: `${out}/${role}-${name}.png`, fullPage: false });
  console.log(`${role.padEnd(9)} ${String(resp.status()).padEnd(4)} ${String(ms).padStart(5)} ms  ${path}`);
  return resp.status();
}

// Submits a form by clicking its button and waits for the page it leads to.
async function submit(page, selector, url, timeout = 30000) {
  await Promise.all([page.waitForURL(url, { timeout }), page.click(selector)]);
}

// The tour's own plan and the request it decides, shared between the roles.
let planId = null;
let waitingRequest = null;
{
  // The demo gives pegawai.mpp a request its head has yet to decide.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'pegawai');
  await page.goto(`${base}/usulan?status=diajukan`);
  const row = await page.$('#daftar-usulan tr:has(button[value=dibatalkan])');
  waitingRequest = row ? await row.getAttribute('id') : null;
  if (!waitingRequest) fail('pegawai.mpp has no waiting request in the demo');
  await context.close();
}

for (const role of Object.keys(accounts)) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  // The browser logs the deliberate 403 visits and the rejected settings form below as errors; those are expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (403|422)/.test(m.text())) consoleErrors.push(m.text());
  });
  await login(page, role);
  // The grouped menu: one line at 1280 px, a group opens on click.
  await page.goto(`${base}/`);
  const bar = await page.$eval('.menu-utama', (ul) => ({
    height: ul.getBoundingClientRect().height,
    item: ul.firstElementChild.getBoundingClientRect().height,
  }));
  if (bar.height > bar.item * 1.5) fail(`${role} menu wraps (${bar.height}px for ${bar.item}px items)`);
  await page.click('.menu-grup summary:text-is("Pengembangan")');
  await page.screenshot({ path: `${out}/${role}-menu.png`, fullPage: false });
  if (!(await page.isVisible('.menu a[href="/katalog"]'))) fail(`${role} Pengembangan menu does not open`);
  // Escape closes it, and so does a click elsewhere.
  await page.keyboard.press('Escape');
  if (await page.isVisible('.menu a[href="/katalog"]')) fail(`${role} Escape leaves the menu open`);
  await page.click('.menu-grup summary:text-is("Pengembangan")');
  await page.click('h1');
  if (await page.isVisible('.menu a[href="/katalog"]')) fail(`${role} a click elsewhere leaves the menu open`);
  await page.click('.menu-grup summary:text-is("Pengembangan")');
  const personalMenu = await page.$('.menu a[href="/kebutuhan"]');
  if ((personalMenu !== null) !== (role !== 'mitra')) fail(`${role} menu Kebutuhan entry wrong`);
  // Following a menu entry marks it and its group.
  await Promise.all([page.waitForURL(/\/katalog$/), page.click('.menu a[href="/katalog"]')]);
  if (!(await page.$('.menu a[href="/katalog"][aria-current=page]'))) fail(`${role} menu does not mark Katalog`);
  if (!(await page.$('.menu summary[aria-current]:text-is("Pengembangan")'))) fail(`${role} menu does not mark its group`);
  if (await page.$('.menu details[open]')) fail(`${role} a menu group stays open after navigating`);
  for (const [path, name] of [['/', 'beranda'], ['/unit', 'unit'], ['/jabatan', 'jabatan'], ['/kamus', 'kamus']]) {
    if ((await visit(page, role, path, name)) !== 200) fail(`${role} ${path}`);
  }
  const pegawaiStatus = await visit(page, role, '/pegawai', 'pegawai');
  if (role === 'mitra') {
    if (pegawaiStatus !== 403) fail(`mitra must not see /pegawai (got ${pegawaiStatus})`);
  } else {
    if (pegawaiStatus !== 200) fail(`${role} /pegawai`);
    // The first employee's own page (not "Tambah pegawai" or a download).
    const link = await page.$('table a[href^="/pegawai/"]');
    if (!link) fail(`${role} sees no employee`);
    else {
      const href = await link.getAttribute('href');
      if ((await visit(page, role, href, 'pegawai-detail')) !== 200) fail(`${role} ${href}`);
    }
    // Live search through htmx: typing filters the table without a reload.
    if (role === 'admin') {
      await page.goto(`${base}/pegawai`);
      await page.fill('input[name=q]', 'rahmat');
      await page.waitForFunction(() => [...document.querySelectorAll('#hasil tbody tr')].length > 0
        && [...document.querySelectorAll('#hasil tbody tr')].every((tr) => /rahmat/i.test(tr.textContent)), null, { timeout: 10000 })
        .catch(() => fail('typing in the employee search does not filter the table'));
      if (!page.url().includes('q=rahmat')) fail(`the employee search is not in the address (${page.url()})`);
      await page.screenshot({ path: `${out}/${role}-pegawai-cari.png` });
      // The new-employee form: choosing a unit brings its positions to the top.
      await page.goto(`${base}/pegawai/baru`);
      const unit = await page.$eval('#unit option:nth-child(3)', (o) => ({ value: o.value, name: o.textContent.replace(/^[— ]+/, '') }));
      await page.selectOption('#unit', unit.value);
      await page.waitForFunction((name) => document.querySelector('#jabatan optgroup')?.label === `Di ${name}`, unit.name, { timeout: 10000 })
        .catch(() => fail(`choosing ${unit.name} does not put its positions first`));
      await page.screenshot({ path: `${out}/${role}-pegawai-baru.png` });

      // Assessment results from a spreadsheet: one bad row refuses the whole
      // file, naming the row; the corrected file is saved.
      await page.goto(`${base}/pegawai`);
      const nip = (await page.textContent('td.nip')).trim();
      const judul = 'NIP;Kode kompetensi;Level;Metode;Tanggal;Asesor;Catatan bukti';
      const salah = `${out}/impor-salah.csv`;
      writeFileSync(salah, `${judul}\n${nip};M.01;3;Assessment Center;01/10/2026;Tim Tur;\n${nip};M.02;7;cact;2026-10-01;Tim Tur;\n`);
      await page.goto(`${base}/pegawai`);
      await Promise.all([page.waitForURL(/\/penilaian\/impor$/), page.click('a:text-is("Impor hasil penilaian")')]);
      await page.setInputFiles('#berkas', salah);
      await page.click('button:text-is("Periksa dan simpan")');
      await page.waitForSelector('#galat-impor', { timeout: 10000 }).catch(() => fail('a bad import file shows no errors'));
      const galat = await page.textContent('#galat-impor tbody');
      if (!/3\s*Level/.test(galat)) fail(`the import names the wrong row: ${galat}`);
      await page.screenshot({ path: `${out}/${role}-impor-galat.png`, fullPage: false });
      const benar = `${out}/impor-benar.csv`;
      writeFileSync(benar, `${judul}\n${nip};M.01;3;Assessment Center;01/10/2026;Tim Tur;\n${nip};M.02;4;cact;2026-10-01;Tim Tur;\n`);
      await page.setInputFiles('#berkas', benar);
      await Promise.all([page.waitForURL(/tersimpan=2/), page.click('button:text-is("Periksa dan simpan")')]);
      if (!(await page.$('text=2 hasil penilaian tersimpan.'))) fail('the import does not confirm its two rows');

      // Master data (Data Induk): a unit under an OPD that does not exist is
      // refused with its sheet and row; the corrected unit and a position in
      // it, as two CSV files, are saved together and show in the tree.
      await page.goto(`${base}/unit`);
      await Promise.all([page.waitForURL(/\/data-induk$/), page.click('a:text-is("Impor data induk")')]);
      const unitSalah = `${out}/unit.csv`;
      writeFileSync(unitSalah, 'kode;nama;jenis;kode_induk\nTUR-LAB;Laboratorium Inovasi Tur;uptd;TIDAK-ADA\n');
      await page.setInputFiles('#berkas', unitSalah);
      await page.click('button:text-is("Periksa dan simpan")');
      await page.waitForSelector('#galat-impor', { timeout: 10000 }).catch(() => fail('a bad master-data file shows no errors'));
      const galatInduk = await page.textContent('#galat-impor tbody');
      if (!/Unit\s*2\s*kode_induk/.test(galatInduk)) fail(`the master-data import names the wrong cell: ${galatInduk}`);
      await page.screenshot({ path: `${out}/${role}-data-induk-galat.png`, fullPage: false });
      const opd = (await page.evaluate(async () => (await (await fetch('/api/v1/unit')).json())))
        .find((u) => u.induk === null);
      if (!opd) fail('/api/v1/unit lists no OPD');
      const opdKode = opd?.kode;
      const unitBenar = `${out}/unit-benar/unit.csv`;
      const jabatanBenar = `${out}/unit-benar/jabatan.csv`;
      mkdirSync(`${out}/unit-benar`, { recursive: true });
      writeFileSync(unitBenar, `kode;nama;jenis;kode_induk\nTUR-LAB;Laboratorium Inovasi Tur;uptd;${opdKode}\n`);
      writeFileSync(jabatanBenar, 'kode;nama;jenis;kode_unit;jenjang;kelas\nTUR-LAB-KA;Kepala Laboratorium Inovasi Tur;pengawas;TUR-LAB;;8\n');
      await page.setInputFiles('#berkas', [unitBenar, jabatanBenar]);
      await Promise.all([page.waitForURL(/tersimpan=1/), page.click('button:text-is("Periksa dan simpan")')]);
      if (!(await page.$('text=Tersimpan: 1 unit kerja, 1 jabatan.'))) fail('the master-data import does not confirm its unit and position');
      await page.goto(`${base}/unit`);
      if (!(await page.$('text=Laboratorium Inovasi Tur'))) fail('the imported unit is not in the tree');
      await page.screenshot({ path: `${out}/${role}-data-induk-unit.png`, fullPage: false });
    }
  }
  const kamusLink = await (async () => { await page.goto(`${base}/kamus`); return page.$('a[href^="/kamus/"]'); })();
  if (kamusLink) await visit(page, role, await kamusLink.getAttribute('href'), 'kamus-detail');
  const auditStatus = await visit(page, role, '/audit', 'audit');
  const mayAudit = role === 'admin' || role === 'auditor';
  if ((auditStatus === 200) !== mayAudit) fail(`${role} /audit answered ${auditStatus}`);
  // Accounts: administrators only; a wrong password pair is refused in place.
  const akunStatus = await visit(page, role, '/akun', 'akun');
  if ((akunStatus === 200) !== (role === 'admin')) fail(`${role} /akun answered ${akunStatus}`);
  if (role === 'admin') {
    await page.fill('#username', 'tur.akun');
    await page.fill('#nama', 'Akun Tur');
    await page.selectOption('#peran', 'auditor');
    await page.fill('#sandi', 'kata-sandi-tur-1');
    await page.fill('#sandi_ulang', 'kata-sandi-tur-2');
    await page.click('button:text-is("Tambah akun")');
    await page.waitForSelector('#galat-sandi', { timeout: 10000 })
      .catch(() => fail('a mismatched password pair is not refused on /akun'));
    await page.fill('#sandi', 'kata-sandi-tur-1');
    await page.fill('#sandi_ulang', 'kata-sandi-tur-1');
    await submit(page, 'button:text-is("Tambah akun")', /\/akun$/);
    if (!(await page.$('#daftar-akun >> text=tur.akun'))) fail('the new account is not listed');
    if (!(await page.$('text=Akun baru tersimpan.'))) fail('the new account is not confirmed');
    await page.screenshot({ path: `${out}/${role}-akun.png`, fullPage: false });
  }

  // Gap analytics: everyone but a partner reads them, within their scope.
  const personal = role !== 'mitra';
  for (const [path, name] of [['/peta', 'peta'], ['/sebaran', 'sebaran']]) {
    const status = await visit(page, role, path, name);
    if ((status === 200) !== personal) fail(`${role} ${path} answered ${status}`);
  }
  if (personal) {
    await page.goto(`${base}/`);
    if (!(await page.$('text=Kesesuaian dengan standar kompetensi'))) fail(`${role} Beranda has no summary`);
    // From the map to the people behind a cell.
    await page.goto(`${base}/peta`);
    const cell = await page.$('table.peta td a');
    if (!cell) fail(`${role} map has no cell`);
    else {
      await Promise.all([page.waitForURL(/\/peta\/sel/), cell.click()]);
      await page.screenshot({ path: `${out}/${role}-peta-sel.png` });
      if (!(await page.$('a[href^="/pegawai/"]'))) fail(`${role} drill-down lists nobody`);
    }
    // From the distribution overview to one competency.
    await page.goto(`${base}/sebaran`);
    const k = await page.$('table a[href^="/sebaran/"]');
    if (!k) fail(`${role} /sebaran lists no competency`);
    else if ((await visit(page, role, await k.getAttribute('href'), 'sebaran-detail')) !== 200) fail(`${role} sebaran detail`);
    // Job fit from a position's page.
    await page.goto(`${base}/jabatan`);
    const j = await page.$('table a[href^="/jabatan/"]');
    if (j) {
      await page.goto(`${base}${await j.getAttribute('href')}`);
      const fit = await page.$('a[href$="/kecocokan"]');
      if (!fit) fail(`${role} position page has no job-fit link`);
      else {
        await Promise.all([page.waitForURL(/\/kecocokan/), fit.click()]);
        await page.screenshot({ path: `${out}/${role}-kecocokan.png`, fullPage: false });
      }
    }
    // A download starts as a file, named by the server.
    await page.goto(`${base}/peta`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href^="/kesenjangan/unduh?format=xlsx"]'),
    ]);
    if (!/^kesenjangan-pegawai-\d{4}-\d{2}-\d{2}\.xlsx$/.test(download.suggestedFilename())) {
      fail(`${role} download named ${download.suggestedFilename()}`);
    }
  }
  // Partners and the catalog are not personal data: every role reads them.
  for (const [path, name] of [['/mitra', 'mitra'], ['/katalog', 'katalog']]) {
    if ((await visit(page, role, path, name)) !== 200) fail(`${role} ${path}`);
  }
  // The partner list downloads as a workbook for every role.
  await page.goto(`${base}/mitra`);
  const [mitraXlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.click('a[href="/mitra/unduh?format=xlsx"]'),
  ]);
  if (!/^mitra-kerja-sama-\d{4}-\d{2}-\d{2}\.xlsx$/.test(mitraXlsx.suggestedFilename())) {
    fail(`${role} partner download named ${mitraXlsx.suggestedFilename()}`);
  }
  await page.goto(`${base}/katalog`);
  const program = await page.$('table a[href^="/katalog/"]');
  if (!program) fail(`${role} catalog lists no program`);
  else if ((await visit(page, role, await program.getAttribute('href'), 'katalog-detail')) !== 200) fail(`${role} program page`);
  const formStatus = await visit(page, role, '/katalog/baru', 'katalog-baru');
  // Admins add programs; so does a partner's account, for its own partner.
  const mayAddProgram = role === 'admin' || role === 'mitra';
  if ((formStatus === 200) !== mayAddProgram) fail(`${role} /katalog/baru answered ${formStatus}`);
  // Needs, requests and plans: personal data, so everyone but a partner.
  for (const [path, name] of [['/kebutuhan', 'kebutuhan'], ['/usulan', 'usulan'], ['/rencana', 'rencana']]) {
    const status = await visit(page, role, path, name);
    if (personal ? status !== 200 : status !== 403) fail(`${role} ${path} answered ${status}`);
  }
  const simulasi = await visit(page, role, '/rencana/simulasi', 'rencana-simulasi');
  if ((simulasi === 200) !== mayAudit) fail(`${role} /rencana/simulasi answered ${simulasi}`);
  if (role === 'admin') {
    // The stateless what-if for another budget.
    await page.fill('#anggaran', '750.000.000');
    await Promise.all([page.waitForURL(/anggaran=/, { timeout: 120000 }), page.click('text=Hitung rencana')]);
    await page.waitForSelector('#rencana-program', { timeout: 120000 });
    await page.screenshot({ path: `${out}/${role}-rencana-hasil.png`, fullPage: false });
    if (!(await page.$('text=Batas atas terbukti'))) fail('the simulation shows no bound');
    // Page two comes from the kept simulation, without solving again.
    const t1 = Date.now();
    await Promise.all([page.waitForURL(/halaman=2/), page.click('nav.paging a[rel=next]')]);
    console.log(`${role.padEnd(9)} simulation page 2 in ${Date.now() - t1} ms`);
    if (!(await page.$('text=/Halaman 2 dari/'))) fail('the simulation has no second page');
    // Searching by one participant's NIP finds only their rows.
    const nip = (await page.textContent('#rencana-penugasan tbody tr .nip')).trim();
    await page.fill('#cari-penugasan', nip);
    await Promise.all([page.waitForURL(/q=/), page.click('button:text-is("Cari")')]);
    const nips = await page.$$eval('#rencana-penugasan tbody tr .nip', (xs) => xs.map((x) => x.textContent.trim()));
    if (nips.length === 0 || nips.some((n) => n !== nip)) fail(`the simulation's search for ${nip} shows ${nips}`);
    await page.screenshot({ path: `${out}/${role}-simulasi-cari.png`, fullPage: false });

    await page.goto(`${base}/kebutuhan`);
    if (!(await page.$('#kebutuhan-opd')) || !(await page.$('#kebutuhan-pegawai'))) fail('admin /kebutuhan lacks its tables');
    await page.screenshot({ path: `${out}/${role}-kebutuhan-penuh.png`, fullPage: true });

    // A new plan from the form; solving takes seconds.
    await page.goto(`${base}/rencana`);
    await page.fill('#nama', 'Rencana tur peramban');
    const t0 = Date.now();
    await submit(page, 'button:text-is("Buat rencana")', /\/rencana\/\d+\?pesan=dibuat/, 240000);
    console.log(`${role.padEnd(9)} plan created in ${Date.now() - t0} ms`);
    planId = new URL(page.url()).pathname.split('/').pop();
    for (const sel of ['#grafik-nilai svg', '#grafik-jp svg', '#tabel-skenario', '#rencana-opd', '#rencana-penugasan']) {
      if (!(await page.$(sel))) fail(`plan ${planId} lacks ${sel}`);
    }
    for (const text of ['Nilai rencana', 'Batas atas terbukti', 'Selisih dari batas atas', 'Rencana baru tersimpan sebagai draf.']) {
      if (!(await page.$(`text=${text}`))) fail(`plan ${planId} lacks "${text}"`);
    }
    if ((await page.textContent('#status-rencana')).trim() !== 'Draf') fail('a new plan is not a draft');
    await page.screenshot({ path: `${out}/${role}-rencana-detail.png`, fullPage: false });
    await page.locator('#rencana-skenario').screenshot({ path: `${out}/${role}-rencana-grafik.png` });
    // The XLSX export, named by the server.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`a[href="/rencana/${planId}/unduh?format=xlsx"]`),
    ]);
    if (!xlsx.suggestedFilename().endsWith('.xlsx')) fail(`plan download named ${xlsx.suggestedFilename()}`);
    // The assignment table pages its rows and searches them.
    const next = page.locator('nav[aria-label="Halaman penugasan"] a[rel=next]');
    if ((await next.count()) !== 1) fail('the plan table has no next page');
    else {
      await Promise.all([page.waitForURL(/halaman=2/), next.click()]);
      if (!(await page.$('text=Halaman 2 dari'))) fail('page 2 of the plan table is not shown');
      const nip = (await page.textContent('#rencana-penugasan tbody tr .nip')).trim();
      await page.fill('#cari-penugasan', nip);
      await Promise.all([page.waitForURL(/q=/), page.click('button:text-is("Cari")')]);
      const cells = await page.locator('#rencana-penugasan tbody .nip').allTextContents();
      if (cells.length === 0 || cells.some((c) => c.trim() !== nip)) fail(`searching ${nip} shows ${cells.join(', ')}`);
      await page.screenshot({ path: `${out}/${role}-rencana-cari.png`, fullPage: false });
      await page.goto(`${base}/rencana/${planId}`);
    }
    // Several edits at once: tick two rows off, add the first back by NIP and code.
    const boxes = page.locator('#rencana-penugasan input[name="hapus"]');
    if ((await boxes.count()) < 2) fail('the plan rows have no checkboxes');
    else {
      const [nip, kode] = (await boxes.nth(0).getAttribute('value')).split('|');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.fill('#tambah-daftar', `${nip}\t${kode}`);
      await page.locator('#ubah-sekaligus').screenshot({ path: `${out}/${role}-rencana-sekaligus.png` });
      await submit(page, 'button:text-is("Simpan perubahan")', /pesan=diubah/, 120000);
      if (!(await page.$('#rencana-penugasan .lencana:text-is("manual")'))) fail('the re-added assignment is not marked manual');
    }
    // Off to the OPD heads.
    await submit(page, 'button:text-is("Ajukan ke OPD")', /pesan=status/);
    if ((await page.textContent('#status-rencana')).trim() !== 'Ditinjau OPD') fail('the plan is not under OPD review');
    if (await page.$('#tambah-penugasan')) fail('a plan under review can still be edited');
    await page.screenshot({ path: `${out}/${role}-rencana-ditinjau.png`, fullPage: false });
  }
  if (role === 'pimpinan') {
    // The head decides the request of pegawai.mpp.
    await page.goto(`${base}/usulan?status=diajukan`);
    await page.screenshot({ path: `${out}/${role}-usulan-menunggu.png`, fullPage: false });
    const row = waitingRequest && (await page.$(`#${waitingRequest}`));
    if (!row) fail(`pimpinan does not see the waiting request ${waitingRequest}`);
    else {
      const id = waitingRequest.replace('usulan-', '');
      await page.fill(`#catatan-${id}`, 'Sesuai kebutuhan layanan MPP.');
      await submit(page, `#${waitingRequest} button[value=disetujui]`, /\/usulan/);
      if (!(await page.$('text=Keputusan atas usulan tersimpan.'))) fail('pimpinan decision not confirmed');
      await page.goto(`${base}/usulan?status=disetujui`);
      if (!(await page.$(`#${waitingRequest}`))) fail('the decided request is not approved');
    }
    // Their OPD's part of the plan under review.
    if (!planId) fail('no plan to review');
    else {
      await visit(page, role, `/rencana/${planId}`, 'rencana-detail');
      if (!(await page.$('#tinjau'))) fail('pimpinan has no review form');
      else {
        const heading = await page.textContent('#tinjau');
        if (!/Pelayanan Terpadu Satu Pintu/.test(heading)) fail(`review form is for ${heading}`);
        await page.check('input[name=status][value=sesuai]');
        await page.fill('#catatan', 'Peserta dan program sesuai prioritas layanan perizinan.');
        await submit(page, 'button:text-is("Simpan tinjauan")', /pesan=tinjauan/);
        if (!(await page.$('text=Tinjauan Anda tersimpan.'))) fail('review not confirmed');
        await page.screenshot({ path: `${out}/${role}-rencana-tinjauan.png`, fullPage: false });
      }
      if (await page.$('#aksi-rencana')) fail('pimpinan sees the admin workflow buttons');
    }
  }
  if (role === 'pegawai') {
    // Their own needs only.
    await page.goto(`${base}/kebutuhan`);
    const rows = await page.$$('#kebutuhan-pegawai tbody tr');
    if (rows.length > 1) fail(`pegawai sees ${rows.length} employees' needs`);
    const opdRows = await page.$$('#kebutuhan-opd tbody tr');
    if (opdRows.length > 1) fail(`pegawai sees ${opdRows.length} OPDs' needs`);
    // A request of their own, waiting for the head.
    await visit(page, role, '/usulan/baru', 'usulan-baru');
    const kompetensi = await page.$$eval('#kompetensi option', (os) => os.map((o) => o.value).filter((v) => v));
    if (!kompetensi.length) fail('pegawai request form offers no competency');
    else {
      await page.selectOption('#kompetensi', kompetensi[0]);
      await page.selectOption('#naik_level', '1');
      await page.fill('#alasan', 'Saya perlu memperdalam kompetensi ini untuk melayani pemohon di MPP.');
      await submit(page, 'button:text-is("Ajukan")', /\/usulan\?tahun=\d+/);
      if (!(await page.$('text=Usulan kebutuhan tersimpan.'))) fail('pegawai request not confirmed');
      if (!(await page.$('#daftar-usulan button[value=dibatalkan]'))) fail('pegawai cannot withdraw the new request');
      await page.screenshot({ path: `${out}/${role}-usulan-tersimpan.png`, fullPage: false });
    }
    // A plan under review is BKPSDM's draft, not a decision about them.
    if (planId) {
      await page.goto(`${base}/rencana`);
      if (await page.$(`a[href="/rencana/${planId}"]`)) fail('pegawai sees a plan under review in the list');
      const status = await visit(page, role, `/rencana/${planId}`, 'rencana-ditinjau');
      if (status !== 403) fail(`pegawai opened a plan under review (${status})`);
    }
  }
  if (role === 'auditor' && planId) {
    await page.goto(`${base}/rencana`);
    if (!(await page.$(`a[href="/rencana/${planId}"]`))) fail('auditor does not see the plan in the list');
    if ((await visit(page, role, `/rencana/${planId}`, 'rencana-detail')) !== 200) fail('auditor cannot read the plan');
    if (!(await page.$('#grafik-nilai svg'))) fail('auditor sees no chart');
    if (await page.$('#aksi-rencana') || await page.$('#tinjau')) fail('auditor sees write forms on the plan');
    // The review recorded by the head of DPMPTSP.
    if (!(await page.$('#rencana-opd >> text=Peserta dan program sesuai prioritas'))) fail('auditor does not see the OPD review');
  }
  const kualitas = await visit(page, role, '/kualitas-data', 'kualitas-data');
  if ((kualitas === 200) !== mayAudit) fail(`${role} /kualitas-data answered ${kualitas}`);
  const mayReadSettings = ['admin', 'auditor', 'pimpinan'].includes(role);
  const pengaturan = await visit(page, role, '/pengaturan', 'pengaturan');
  if ((pengaturan === 200) !== mayReadSettings) fail(`${role} /pengaturan answered ${pengaturan}`);
  if (role === 'admin') {
    // A mistake is explained beside the field and nothing is saved.
    await page.fill('#skala_pemetaan', '50 A\n60 B\n0 C');
    await page.click('text=Simpan pengaturan');
    await page.waitForSelector('text=Batas bawah harus menurun');
    await page.screenshot({ path: `${out}/${role}-pengaturan-galat.png`, fullPage: true });
    await page.goto(`${base}/pengaturan`);
    await page.click('text=Simpan pengaturan');
    await page.waitForSelector('text=Pengaturan analitik tersimpan.');
  }
  if (consoleErrors.length) fail(`${role} console errors: ${consoleErrors.join(' | ')}`);
  await context.close();
}

// A phone-sized look at the employee list.
const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
const p = await phone.newPage();
await login(p, 'admin');
await visit(p, 'phone', '/pegawai', 'pegawai');
// The signed-in name is shown whole, not cut to an ellipsis.
const cut = await p.$eval('.akun-teks', (e) => e.scrollWidth > e.clientWidth);
if (cut) fail('phone header: the user name is cut short');
// The menu by keyboard: a group opens with Enter and its links follow in tab order.
await p.focus('.menu-grup summary:text-is("Data")');
await p.keyboard.press('Enter');
await p.keyboard.press('Tab');
if ((await p.evaluate(() => document.activeElement?.getAttribute('href'))) !== '/pegawai') fail('phone menu: Tab after opening Data does not reach Pegawai');
await p.screenshot({ path: `${out}/phone-menu.png`, fullPage: false });
await visit(p, 'phone', '/kebutuhan', 'kebutuhan');
if (planId) await visit(p, 'phone', `/rencana/${planId}`, 'rencana-detail');
await phone.close();

// The account the admin added must choose its own password before anything
// else: its login lands on /sandi, a wrong old password is refused, then the
// new one takes over and the pages open.
{
  accounts.tur = ['tur.akun', 'kata-sandi-tur-1'];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'tur');
  if (new URL(page.url()).pathname !== '/sandi') fail(`a new account lands on ${page.url()}, not /sandi`);
  if (!(await page.$('#wajib-ganti'))) fail('/sandi does not say the password must be changed');
  await page.goto(`${base}/pegawai`);
  if (new URL(page.url()).pathname !== '/sandi') fail('a page opens before the password is changed');
  await page.fill('#sandi-lama', 'bukan-sandi-ini');
  await page.fill('#sandi-baru', 'kata-sandi-tur-baru');
  await page.fill('#sandi-ulang', 'kata-sandi-tur-baru');
  await page.click('button:text-is("Simpan kata sandi")');
  await page.waitForSelector('#galat-sandi >> text=Kata sandi lama salah.', { timeout: 10000 })
    .catch(() => fail('a wrong old password is not refused on /sandi'));
  await page.fill('#sandi-lama', 'kata-sandi-tur-1');
  await page.fill('#sandi-baru', 'kata-sandi-tur-baru');
  await page.fill('#sandi-ulang', 'kata-sandi-tur-baru');
  await submit(page, 'button:text-is("Simpan kata sandi")', (u) => u.pathname === '/');
  if (!(await page.$('text=Kata sandi Anda diganti'))) fail('the password change is not confirmed');
  await page.goto(`${base}/pegawai`);
  if (new URL(page.url()).pathname !== '/pegawai') fail('pages stay closed after the password change');
  await page.screenshot({ path: `${out}/tur-sandi.png`, fullPage: false });
  await context.close();
  const again = await browser.newContext();
  const p2 = await again.newPage();
  await p2.goto(`${base}/masuk`);
  await p2.fill('#username', 'tur.akun');
  await p2.fill('#password', 'kata-sandi-tur-1');
  await p2.click('button[type=submit]');
  await p2.waitForSelector('text=Nama pengguna atau kata sandi salah.', { timeout: 10000 })
    .catch(() => fail('the old password still signs in after the change'));
  accounts.tur[1] = 'kata-sandi-tur-baru';
  await login(p2, 'tur');
  await again.close();
}

await browser.close();
console.log(failures ? `${failures} failure(s)` : 'tour passed');
process.exit(failures ? 1 : 0);
