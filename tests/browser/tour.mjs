// A tour of the running demo in a real browser, as each role, with screenshots
// and timings. Usage: node tour.mjs [BASE_URL] [OUT_DIR]
// Start the demo first (`cargo run --release -- demo`). Exits non-zero when a
// page fails to load, shows an error page where it should not, or a role sees
// what it must not.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

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

for (const role of Object.keys(accounts)) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  // The browser logs the deliberate 403 visits and the rejected settings form below as errors; those are expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (403|422)/.test(m.text())) consoleErrors.push(m.text());
  });
  await login(page, role);
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
    const search = await page.$('input[name=q]');
    if (search && role === 'admin') {
      await page.goto(`${base}/pegawai`);
      await page.fill('input[name=q]', 'rahmat');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/${role}-pegawai-cari.png` });
    }
  }
  const kamusLink = await (async () => { await page.goto(`${base}/kamus`); return page.$('a[href^="/kamus/"]'); })();
  if (kamusLink) await visit(page, role, await kamusLink.getAttribute('href'), 'kamus-detail');
  const auditStatus = await visit(page, role, '/audit', 'audit');
  const mayAudit = role === 'admin' || role === 'auditor';
  if ((auditStatus === 200) !== mayAudit) fail(`${role} /audit answered ${auditStatus}`);

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
  await page.goto(`${base}/katalog`);
  const program = await page.$('table a[href^="/katalog/"]');
  if (!program) fail(`${role} catalog lists no program`);
  else if ((await visit(page, role, await program.getAttribute('href'), 'katalog-detail')) !== 200) fail(`${role} program page`);
  const formStatus = await visit(page, role, '/katalog/baru', 'katalog-baru');
  if ((formStatus === 200) !== (role === 'admin')) fail(`${role} /katalog/baru answered ${formStatus}`);
  // The plan simulation on the demo's own gaps and catalog.
  const rencana = await visit(page, role, '/rencana', 'rencana');
  if ((rencana === 200) !== mayAudit) fail(`${role} /rencana answered ${rencana}`);
  if (role === 'admin') {
    await page.fill('#anggaran', '750.000.000');
    await Promise.all([page.waitForURL(/anggaran=/, { timeout: 120000 }), page.click('text=Hitung rencana')]);
    await page.waitForSelector('#rencana-program', { timeout: 120000 });
    await page.screenshot({ path: `${out}/${role}-rencana-hasil.png`, fullPage: false });
    if (!(await page.$('text=Batas atas terbukti'))) fail('the plan shows no bound');
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
await phone.close();

await browser.close();
console.log(failures ? `${failures} failure(s)` : 'tour passed');
process.exit(failures ? 1 : 0);
