/** The page's stylesheet and its one small script, served from the app (no CDN, no inline code). */

export const STYLE = `:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--mute:#5f5f66;--line:#d9d9de;--accent:#0b5cad;--shared:#e8f1fb;--own:#fff6d6;--yes:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#ececf0;--bg:#131316;--mute:#a3a3ad;--line:#34343a;--accent:#82b5ff;--shared:#17273b;--own:#35301a;--yes:#82b5ff}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:72rem;margin:0 auto;padding:1rem}a{color:var(--accent)}
.top{display:flex;gap:1rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;border-bottom:1px solid var(--line)}
.brand{font-weight:700;text-decoration:none;font-size:1.2rem}.sr{position:absolute;left:-9999px}
input,select,button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.2rem .4rem}
.meta{color:var(--mute);font-size:.9rem}.stories li{margin:.6rem 0}.bar rect{fill:var(--accent)}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem}
h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
.cite{font-size:.75rem;vertical-align:super;margin-left:.15rem;text-decoration:none;border:1px solid var(--line);border-radius:3px;padding:0 .2rem}
.cite:focus,.cite:hover{outline:2px solid var(--accent)}
.pop{position:absolute;max-width:28rem;background:var(--bg);border:1px solid var(--line);box-shadow:0 2px 8px #0003;padding:.5rem;border-radius:6px;font-size:.9rem;z-index:10}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}
caption{text-align:left;color:var(--mute);padding:.3rem 0}.matrix td{text-align:center;color:var(--yes)}.matrix tr.exclusive th{background:var(--own)}
.tag{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}.col{border:1px solid var(--line);border-radius:6px;padding:.6rem;font-size:.92rem}
.col h3{margin:.2rem 0}.num{display:inline-block;min-width:1.4rem;text-align:center;border-radius:50%;border:1px solid var(--line)}
p.shared{background:var(--shared)}p.own{background:var(--own)}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}
.timeline circle{fill:var(--accent)}.dek{font-size:1.1rem;color:var(--mute)}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:600}`;

/** Citation pop-ups: hovering or focusing a citation shows the sentence it points to. */
export const SCRIPT = `(() => {
  let pop = null;
  const hide = () => { if (pop) { pop.remove(); pop = null; } };
  const show = (a) => {
    hide();
    pop = document.createElement('div');
    pop.className = 'pop';
    pop.setAttribute('role', 'tooltip');
    pop.textContent = a.getAttribute('data-source') || '';
    document.body.appendChild(pop);
    const r = a.getBoundingClientRect();
    pop.style.left = Math.max(8, window.scrollX + r.left - 40) + 'px';
    pop.style.top = window.scrollY + r.bottom + 6 + 'px';
  };
  for (const a of document.querySelectorAll('a.cite')) {
    a.removeAttribute('title');
    a.addEventListener('mouseenter', () => show(a));
    a.addEventListener('focus', () => show(a));
    a.addEventListener('mouseleave', hide);
    a.addEventListener('blur', hide);
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
})();`;
