// The menu's dropdowns are <details>, which work without script; this only
// adds what a keyboard and mouse user expects: Escape closes the open menu
// (focus back on its button) and a click elsewhere closes it.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of document.querySelectorAll('details.menu-grup[open]')) {
    menu.open = false;
    menu.querySelector('summary')?.focus();
  }
});
document.addEventListener('click', (event) => {
  for (const menu of document.querySelectorAll('details.menu-grup[open]')) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});
