/*
 * Small enhancements on every page; the page works the same without them.
 *
 * 1. Header toggles: on narrow screens "Menu" and "Search" are links to #site-menu and #site-search-form (CSS shows
 *    the target). Here they become disclosure buttons (aria-expanded) that open the menu or the search form in place.
 * 2. Section links: a click on a heading's "#" (a.heading-anchor, hidden from assistive technology and out of the
 *    Tab order) copies the section's address and says so. The contents list remains the keyboard way to a section.
 *
 * Same-origin, no storage, no requests.
 */
(() => {
  'use strict';

  // 1. Header toggles
  for (const link of document.querySelectorAll('a.header-toggle[data-toggle]')) {
    const target = document.getElementById(link.getAttribute('data-toggle'));
    if (!target) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute('aria-controls', target.id);
    const open = target.classList.contains('is-open') || window.location.hash === `#${target.id}`;
    button.setAttribute('aria-expanded', String(open));
    if (open) target.classList.add('is-open');
    link.replaceWith(button);

    button.addEventListener('click', () => {
      const expanded = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(expanded));
      target.classList.toggle('is-open', expanded);
      if (expanded) {
        const field = target.querySelector('input[type="search"]');
        if (field) field.focus();
      }
    });
  }

  // Escape in an open search form closes it and returns focus to its button (the combobox handles Escape first).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const form = event.target instanceof Element ? event.target.closest('.site-search.is-open') : null;
    const button = form && document.querySelector(`button.header-toggle[aria-controls="${form.id}"]`);
    if (!button || button.offsetParent === null) return;
    form.classList.remove('is-open');
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });

  // 2. Section links
  let toast = null;
  let timer = 0;
  function say(text) {
    if (!toast) {
      toast = document.createElement('div');
      toast.className = 'copy-toast';
      toast.setAttribute('role', 'status');
      document.body.append(toast);
    }
    toast.textContent = text;
    toast.classList.add('is-shown');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => toast.classList.remove('is-shown'), 2500);
  }

  document.addEventListener('click', (event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a.heading-anchor') : null;
    if (!anchor || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const url = new URL(anchor.getAttribute('href') || '', window.location.href).href;
    // The link still goes to the section; copying is extra, and fails quietly where the clipboard is not allowed.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => say('Link to this section copied'), () => {});
    }
  });
})();
