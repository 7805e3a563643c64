import CourseLanguage
import Foundation

/// The page around a deck's slides: styles, navigation, speaker view, print layout and the
/// `#check` mode the browser test reads. Everything is inline and uses system fonts, so a deck is
/// one file that opens offline.
enum DeckTemplate {
    static func page(title: String, language: Language, fingerprint: String, sections: String) -> String {
        let strings = UIStrings(language)
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="samsa slides build">
            <meta name="source-fingerprint" content="\(fingerprint)">
            <title>\(DeckRenderer.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <div id="deck">
            \(sections)
            </div>
            <div id="help" hidden>\(strings.help)</div>
            <script>const UI = \(strings.json);
            \(script)</script>
            </body>
            </html>

            """
    }

    struct UIStrings {
        var help: String
        var json: String

        init(_ language: Language) {
            switch language {
            case .es:
                self.help =
                    "← → avanzar y retroceder · n notas · s vista del ponente · f pantalla completa · Ctrl+P imprimir o PDF"
                self.json = #"{"notes":"Notas del ponente","next":"Siguiente","none":"(sin notas)","end":"Fin"}"#
            case .en:
                self.help = "← → move · n notes · s speaker view · f full screen · Ctrl+P print or PDF"
                self.json = #"{"notes":"Speaker notes","next":"Next","none":"(no notes)","end":"End"}"#
            }
        }
    }

    static let style = """
        :root { --ink:#1d2430; --muted:#5b6575; --accent:#c2410c; --accent2:#0f766e; --paper:#fdfcf8; --code:#f1efe8; --term:#17202b; }
        * { box-sizing:border-box; }
        html, body { margin:0; height:100%; background:#2b2f36; overflow:hidden; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; color:var(--ink); }
        #deck { position:absolute; left:50%; top:50%; width:1280px; height:720px; transform-origin:center center; }
        .slide { display:none; position:absolute; inset:0; }
        .slide.active { display:block; }
        .frame { position:absolute; inset:0; background:var(--paper); overflow:hidden; display:flex; flex-direction:column; }
        .content { flex:1; min-height:0; overflow:hidden; padding:38px 64px 8px 64px; font-size:27px; line-height:1.38; }
        footer { display:flex; justify-content:space-between; padding:8px 64px 14px; font-size:15px; color:var(--muted); border-top:3px solid var(--accent); margin:0 64px; padding-left:0; padding-right:0; }
        h1 { font-size:60px; line-height:1.1; margin:0 0 24px; color:var(--ink); }
        h2 { font-size:42px; margin:0 0 16px; color:var(--accent); letter-spacing:-0.5px; }
        h3 { font-size:30px; margin:14px 0 8px; color:var(--accent2); }
        p { margin:0 0 16px; }
        ul, ol { margin:0 0 16px; padding-left:36px; }
        li { margin:4px 0; }
        li::marker { color:var(--accent); }
        strong { color:#7c2d12; }
        a { color:var(--accent2); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; background:var(--code); padding:1px 6px; border-radius:4px; font-size:0.88em; }
        pre { margin:0 0 14px; padding:14px 18px; background:var(--code); border-radius:8px; overflow:hidden; font-size:19px; line-height:1.35; }
        pre code { background:none; padding:0; font-size:inherit; }
        pre.session { background:var(--term); color:#d7dde5; font-size:22px; line-height:1.18; padding:10px 16px; white-space:pre-wrap; overflow-wrap:anywhere; }
        pre.session b { color:#fff; font-weight:600; }
        pre.session .prompt { color:#f59e0b; }
        pre.session .out { color:#b8c4d2; }
        pre.session .error { color:#fca5a5; }
        table { border-collapse:collapse; font-size:23px; margin:0 0 16px; }
        th, td { border-bottom:1px solid #d8d4c8; padding:6px 14px; text-align:left; vertical-align:top; }
        th { color:var(--accent2); }
        blockquote { margin:0 0 16px; padding:10px 20px; border-left:6px solid var(--accent2); background:#eef6f4; }
        blockquote p:last-child { margin:0; }
        img { display:block; max-width:100%; max-height:470px; margin:6px auto 12px; }
        ul ~ img, ol ~ img, ul ~ p img, ol ~ p img { max-height:330px; }
        .title .content { display:flex; flex-direction:column; justify-content:center; padding-left:96px; padding-right:96px; }
        .title h1 { font-size:68px; }
        .title p { font-size:30px; color:var(--muted); }
        .notes { display:none; }
        body.show-notes .slide.active .notes { display:block; position:fixed; left:0; right:0; bottom:0; max-height:38vh; overflow:auto; background:#fffbe8; border-top:3px solid var(--accent); padding:12px 24px; font-size:17px; line-height:1.45; z-index:5; }
        #help { position:fixed; left:12px; bottom:8px; color:#cfd5dd; font-size:13px; font-family:inherit; }
        @media print {
          @page { size:1280px 720px; margin:0; }
          html, body { background:#fff; overflow:visible; height:auto; }
          #deck { position:static; transform:none !important; width:auto; height:auto; }
          .slide, .slide.active { display:block; position:relative; width:1280px; height:720px; page-break-after:always; break-after:page; }
          .notes, #help, body.show-notes .slide.active .notes { display:none !important; }
        }
        """

    static let script = #"""
        (function () {
          const slides = Array.from(document.querySelectorAll('.slide'));
          let current = 0, speaker = null, started = Date.now();

          function fit() {
            const deck = document.getElementById('deck');
            const scale = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
            deck.style.transform = 'translate(-50%, -50%) scale(' + scale + ')';
          }
          function indexFromHash() {
            const n = parseInt(location.hash.slice(1), 10);
            return Number.isFinite(n) ? Math.min(Math.max(n - 1, 0), slides.length - 1) : 0;
          }
          function show(i) {
            current = Math.min(Math.max(i, 0), slides.length - 1);
            slides.forEach((s, k) => s.classList.toggle('active', k === current));
            if (location.hash !== '#' + (current + 1) && location.hash !== '#check') history.replaceState(null, '', '#' + (current + 1));
            updateSpeaker();
          }
          function titleOf(slide) {
            const h = slide && slide.querySelector('h1, h2, h3');
            return h ? h.textContent : (slide ? '' : UI.end);
          }
          function updateSpeaker() {
            if (!speaker || speaker.closed) return;
            const slide = slides[current], next = slides[current + 1];
            const d = speaker.document;
            d.getElementById('where').textContent = (current + 1) + ' / ' + slides.length + ' — ' + titleOf(slide);
            d.getElementById('notes').innerHTML = slide.querySelector('.notes').innerHTML || UI.none;
            d.getElementById('next').textContent = UI.next + ': ' + (next ? titleOf(next) : UI.end);
          }
          function openSpeaker() {
            speaker = window.open('', 'samsa-speaker', 'width=820,height=640');
            if (!speaker) { document.body.classList.toggle('show-notes'); return; }
            speaker.document.title = UI.notes;
            speaker.document.body.innerHTML = '<div style="font:16px system-ui,sans-serif;padding:16px">' +
              '<div id="clock" style="float:right;font-size:28px;color:#0f766e"></div>' +
              '<div id="where" style="font-size:22px;font-weight:600;color:#c2410c"></div><hr>' +
              '<div id="notes" style="font-size:22px;line-height:1.5"></div><hr><div id="next" style="color:#5b6575"></div></div>';
            speaker.document.addEventListener('keydown', onKey);
            const tick = () => {
              if (!speaker || speaker.closed) return;
              const s = Math.floor((Date.now() - started) / 1000);
              speaker.document.getElementById('clock').textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
              setTimeout(tick, 1000);
            };
            tick();
            updateSpeaker();
          }
          function onKey(e) {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            const k = e.key;
            if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'l', 'j'].includes(k)) { show(current + 1); e.preventDefault(); }
            else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'h', 'k'].includes(k)) { show(current - 1); e.preventDefault(); }
            else if (k === 'Home') show(0);
            else if (k === 'End') show(slides.length - 1);
            else if (k === 'n') document.body.classList.toggle('show-notes');
            else if (k === 's') openSpeaker();
            else if (k === 'f') { if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen(); }
            else if (k === '?') { const h = document.getElementById('help'); h.hidden = !h.hidden; }
          }

          // #check: measure every slide and write the findings into #check-result for the test.
          function check() {
            const problems = [];
            slides.forEach((slide, i) => {
              show(i);
              const n = i + 1, content = slide.querySelector('.content');
              if (content.scrollHeight > content.clientHeight + 1) problems.push({ slide: n, kind: 'overflow', detail: 'content is ' + content.scrollHeight + 'px tall in a ' + content.clientHeight + 'px frame' });
              if (content.scrollWidth > content.clientWidth + 1) problems.push({ slide: n, kind: 'overflow', detail: 'content is ' + content.scrollWidth + 'px wide in a ' + content.clientWidth + 'px frame' });
              slide.querySelectorAll('pre, table, img').forEach((el) => {
                if (el.scrollWidth > el.clientWidth + 1) problems.push({ slide: n, kind: 'overflow', detail: el.tagName.toLowerCase() + ' is ' + el.scrollWidth + 'px wide in ' + el.clientWidth + 'px' });
                const r = el.getBoundingClientRect(), f = content.getBoundingClientRect();
                if (r.right > f.right + 1 || r.bottom > f.bottom + 1) problems.push({ slide: n, kind: 'overflow', detail: el.tagName.toLowerCase() + ' reaches past the frame' });
              });
              // Terminal blocks are read from the back of a room: 22 px at 1280×720 at least.
              slide.querySelectorAll('pre.session').forEach((pre) => {
                const size = parseFloat(getComputedStyle(pre).fontSize);
                if (size < 22) problems.push({ slide: n, kind: 'terminal', detail: 'terminal text is ' + size + 'px; 22px at least' });
              });
              slide.querySelectorAll('img').forEach((img) => {
                if (!img.complete || img.naturalWidth === 0) problems.push({ slide: n, kind: 'image', detail: 'broken image: ' + (img.alt || img.src.slice(0, 60)) });
              });
              slide.querySelectorAll('a').forEach((a) => {
                const href = a.getAttribute('href') || '';
                if (href.startsWith('#')) { if (!document.getElementById(href.slice(1))) problems.push({ slide: n, kind: 'link', detail: 'no target for ' + href }); }
                else if (!/^(https?:|mailto:)/.test(href)) problems.push({ slide: n, kind: 'link', detail: 'link that cannot work from a single file: ' + href });
              });
            });
            // The keys a presenter uses: → moves on, ← back, n shows the notes.
            show(0);
            const press = (key) => document.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true }));
            press('ArrowRight');
            if (slides.length > 1 && current !== 1) problems.push({ slide: 1, kind: 'navigation', detail: '→ did not move to slide 2' });
            press('ArrowLeft');
            if (current !== 0) problems.push({ slide: 2, kind: 'navigation', detail: '← did not move back to slide 1' });
            press('n');
            if (!document.body.classList.contains('show-notes')) problems.push({ slide: 1, kind: 'navigation', detail: 'n did not show the notes' });
            press('n');
            const out = document.createElement('pre');
            out.id = 'check-result';
            out.textContent = JSON.stringify({ slides: slides.length, problems: problems });
            document.body.appendChild(out);
            show(0);
          }

          window.addEventListener('resize', fit);
          document.addEventListener('keydown', onKey);
          window.addEventListener('hashchange', () => { if (location.hash !== '#check') show(indexFromHash()); });
          document.addEventListener('click', (e) => { if (e.target.closest('a, pre')) return; if (e.clientX > window.innerWidth / 3) show(current + 1); else show(current - 1); });
          fit();
          if (location.hash === '#check') { window.addEventListener('load', check); show(0); } else show(indexFromHash());
        })();
        """#
}
