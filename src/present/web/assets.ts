/**
 * The page's stylesheet and its one small script, served from the app itself (no CDN, no inline
 * code, so the CSP can forbid both). Colours are CSS variables with a dark set under
 * prefers-color-scheme; the charts draw with the same variables.
 *
 * @module
 */

export const STYLE = `:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--panel:#f6f6f8;--mute:#5c5c66;--line:#d5d5dc;--accent:#0b5cad;--shared:#dcebfb;--own:#fff0b8;--cited:#e9e3fb;--focus:#b5470b}
@media (prefers-color-scheme:dark){:root{--fg:#ececf0;--bg:#131316;--panel:#1c1c21;--mute:#a8a8b3;--line:#3a3a42;--accent:#8ab8ff;--shared:#1b3350;--own:#4a3f12;--cited:#35294f;--focus:#ffb07a}}
*{box-sizing:border-box}html{scroll-padding-top:1rem}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:76rem;margin:0 auto;padding:1rem 1.25rem 3rem}main:focus{outline:none}a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.3rem .6rem;z-index:20}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.6rem 1.25rem;border-bottom:1px solid var(--line);background:var(--panel)}
.brand{font-weight:700;text-decoration:none;font-size:1.25rem;letter-spacing:.02em}.foot{max-width:76rem;margin:0 auto;padding:1rem 1.25rem;border-top:1px solid var(--line);font-size:.9rem}
input,select,button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.25rem .45rem}button{cursor:pointer}
h1{line-height:1.2;margin:.6rem 0 .3rem}h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2.2rem}
.meta{color:var(--mute);font-size:.9rem}.stories{padding-left:2.4rem}.stories li{margin:.7rem 0}.headline{font-size:1.08rem;font-weight:600}
.bar{vertical-align:middle;margin-right:.3rem}.bar rect{fill:var(--accent)}.bar rect.track{fill:var(--line)}
.filters select{max-width:16rem}.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:1rem 0;padding:.6rem .8rem;background:var(--panel);border-radius:6px}
.toc ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;margin:.6rem 0}
.summary li{margin:.35rem 0}
.cite{font-size:.72rem;vertical-align:super;margin-left:.15rem;text-decoration:none;border:1px solid var(--accent);border-radius:3px;padding:0 .25rem;line-height:1}
.pop{position:absolute;max-width:28rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);box-shadow:0 2px 10px #0004;padding:.5rem .7rem;border-radius:6px;font-size:.9rem;z-index:10}.pop b{display:block;margin-bottom:.2rem}
.scroll{overflow-x:auto;max-width:100%}table.wording{margin-bottom:1.5rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{vertical-align:bottom}
caption{text-align:left;color:var(--mute);padding:.3rem 0;caption-side:top}
.matrix{width:auto}.matrix th[scope=row]{font-weight:400;min-width:22rem;max-width:46rem}.matrix td{text-align:center}.matrix td a{text-decoration:none;font-size:1.1rem}
.matrix td.count{color:var(--mute)}.matrix tr.exclusive th,.matrix tr.exclusive td{background:var(--own)}
.matrix th.rot{white-space:nowrap;height:10rem;padding:.3rem .2rem;font-size:.85rem}.matrix th.rot span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:10rem;overflow:hidden;text-overflow:ellipsis}
th button{font:inherit;font-weight:600;border:0;padding:0;background:none;text-align:left}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.tag{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;white-space:nowrap}.tag.own{background:var(--own);border-color:transparent;color:var(--fg)}
.speaker h3{margin:1rem 0 .3rem}q{quotes:"“" "”"}q.indirect{font-style:italic}q.indirect::before,q.indirect::after{content:none}
.chart{max-width:52rem;width:100%;height:auto;display:block}.chart text{fill:var(--fg);font-size:12px}.chart .label{fill:var(--mute)}.chart .grid{stroke:var(--line);stroke-dasharray:2 3}
.chart .axis line{stroke:var(--mute)}.chart .mark{fill:var(--accent);fill-opacity:.85}.chart .line{fill:none;stroke:var(--accent);stroke-width:2.5}.chart a:focus .mark,.chart a:hover .mark{stroke:var(--focus);stroke-width:3}
figure{margin:1rem 0}figcaption{color:var(--mute);font-size:.9rem}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
.events{padding-left:2.4rem}.events time{font-weight:600;margin-right:.3rem}
.legend mark{padding:0 .3rem}
.aligned td,.aligned th{vertical-align:top;text-align:left;min-width:11rem;font-size:.88rem}.aligned td:not(.none){background:var(--shared)}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(13.5rem,1fr);gap:1rem;overflow-x:auto;padding-bottom:.3rem}.col{border:1px solid var(--line);border-radius:6px;padding:.7rem;font-size:.92rem;background:var(--panel)}
.col h3{margin:.1rem 0}.col .title{font-weight:600}.num{display:inline-block;min-width:1.5rem;text-align:center;border-radius:50%;border:1px solid var(--mute);font-size:.85rem;margin-right:.2rem}
mark{color:inherit;border-radius:2px}mark.shared{background:var(--shared)}mark.own{background:var(--own)}.cited{background:var(--cited)}
:target{outline:3px solid var(--focus);outline-offset:1px}.gap{color:var(--mute);text-align:center}.ext{font-weight:400;font-size:.85rem}
.reader{max-width:44rem}.reader .body p{margin:0 0 1em}.kicker{text-transform:uppercase;font-size:.85rem;color:var(--mute);margin:0}.dek{font-size:1.12rem;color:var(--mute)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
details.evidence{margin:.2rem 0 0;border:0;padding:0;font-weight:normal;font-size:.88rem}details.evidence ul{margin:.2rem 0;padding-left:1rem}details{margin:1.2rem 0;border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem}summary{cursor:pointer}input[type=search]{width:16rem}.removed li{color:var(--mute);overflow-wrap:anywhere}
.fold{margin:0;border:0;padding:0}.fold>summary{list-style:none}.fold>summary::-webkit-details-marker{display:none}
.fold>summary h2::before{content:"▸";content:"▸"/"";display:inline-block;width:1.1em;color:var(--mute)}.fold[open]>summary h2::before{content:"▾";content:"▾"/""}.fold>summary:hover h2{color:var(--accent)}.fold h2{margin:1.4rem 0 .3rem}
h2 .size{font-size:.9rem;font-weight:400;color:var(--mute);margin-left:.4rem}details.more{margin:.6rem 0;font-size:.95rem}details.more h3{font-size:1rem;margin:.6rem 0 .2rem}
.claims li{margin:.3rem 0}td,th{overflow-wrap:break-word}
.tag.lang{font-weight:400;font-size:.72rem;vertical-align:.1em;margin-left:.2rem}.aligned th .tag.lang{margin-left:.4rem}ul.langs{margin:.4rem 0;padding-left:1.2rem}.langs-line{white-space:normal}
@media (max-width:40rem){main{padding:1rem .75rem 3rem}.top{padding:.6rem .75rem}.matrix th[scope=row]{min-width:9rem;font-size:.92rem}
.matrix td,.matrix th.rot{padding:.3rem .1rem}.chart text{font-size:17px}.chart .axis text:nth-of-type(2n){display:none}input[type=search]{width:11rem}.columns{grid-auto-flow:row;grid-template-columns:1fr;grid-auto-columns:auto;overflow-x:visible}.stories,.events{padding-left:1.6rem}}
.stories .outlets{font-size:.9rem;overflow-wrap:anywhere}.more-outlets{display:inline}.more-outlets>summary{display:inline;cursor:pointer;color:var(--accent);text-decoration:underline}.more-outlets[open]>summary{margin-right:.3rem}.hits li{margin:.6rem 0}.snippet{color:var(--mute)}.snippet mark{background:var(--own);color:var(--fg)}`;

/**
 * Enhancements only; every page works without them. Citations: hovering or focusing one shows the
 * sentence it points to (Escape hides it). Tables marked `sortable`: their column headers become
 * buttons that sort the rows.
 */
export const SCRIPT = `(() => {
  let pop = null;
  const hide = () => { if (pop) { pop.remove(); pop = null; } };
  const show = (a) => {
    hide();
    pop = document.createElement('div');
    pop.className = 'pop';
    pop.id = 'cite-pop';
    pop.setAttribute('role', 'tooltip');
    const who = document.createElement('b');
    who.textContent = a.getAttribute('data-outlet') || '';
    const said = document.createElement('span');
    said.textContent = a.getAttribute('data-source') || '';
    // The sentence in its own language and direction (an Arabic one reads right to left).
    const lang = a.getAttribute('data-lang');
    if (lang) said.lang = lang;
    said.dir = 'auto';
    pop.append(who, said);
    document.body.appendChild(pop);
    a.setAttribute('aria-describedby', 'cite-pop');
    const r = a.getBoundingClientRect();
    const left = Math.min(window.scrollX + r.left - 40, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8);
    pop.style.left = Math.max(8, left) + 'px';
    pop.style.top = window.scrollY + r.bottom + 6 + 'px';
  };
  for (const a of document.querySelectorAll('a.cite')) {
    a.addEventListener('mouseenter', () => show(a));
    a.addEventListener('focus', () => show(a));
    a.addEventListener('mouseleave', hide);
    a.addEventListener('blur', () => { hide(); a.removeAttribute('aria-describedby'); });
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });

  // A link into a folded section opens it (browsers that do not do it themselves).
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = id && document.getElementById(id);
    if (!el) return;
    let opened = false;
    for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) if (!d.open) { d.open = true; opened = true; }
    if (opened) el.scrollIntoView();
  };
  window.addEventListener('hashchange', reveal);
  reveal();

  const key = (row, i, numeric) => {
    const cell = row.children[i];
    const text = cell ? cell.textContent.trim() : '';
    return numeric ? Number(text) || 0 : text.toLowerCase();
  };
  for (const table of document.querySelectorAll('table.sortable')) {
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((th, i) => {
      if (th.classList.contains('rot')) return;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', () => {
        const numeric = th.getAttribute('data-sort') === 'number';
        // Counts sort biggest first, words from A; a second click turns the order round.
        const first = numeric ? 'descending' : 'ascending';
        const next = th.getAttribute('aria-sort') === first ? (first === 'ascending' ? 'descending' : 'ascending') : first;
        const dir = next === 'ascending' ? 1 : -1;
        for (const h of heads) h.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', next);
        const body = table.tBodies[0];
        const rows = [...body.rows];
        rows.sort((x, y) => { const a = key(x, i, numeric), c = key(y, i, numeric); return (a < c ? -1 : a > c ? 1 : 0) * dir; });
        body.append(...rows);
      });
    });
  }
})();`;
