extension LiveViewPage {
    /// Large type and strong contrast for a projector; state is said in words as well as colour;
    /// long names wrap instead of scrolling sideways at 1280×720.
    static let style = """
        :root { --ink: #000; --paper: #fff; --muted: #333; --line: #555; --good: #005a1e; --bad: #a00000; --warn: #7a4a00; --accent: #0033a0; }
        * { box-sizing: border-box; }
        html { font-size: 20px; }
        body { margin: 0; padding: 0.5rem 0.8rem; color: var(--ink); background: var(--paper);
               font-family: system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.3;
               overflow-x: hidden; overflow-wrap: break-word; }
        header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; border-bottom: 3px solid var(--ink); }
        h1 { font-size: 1.5rem; margin: 0 0 0.2rem; }
        h2 { font-size: 1.25rem; margin: 0.6rem 0 0.3rem; }
        h3 { font-size: 1.1rem; margin: 0.4rem 0 0.2rem; }
        #connection { margin: 0; font-weight: bold; }
        #connection[data-state="live"] { color: var(--good); }
        #connection[data-state="lost"] { color: var(--bad); }
        main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; }
        #left { min-width: 0; }
        .note { font-style: italic; color: var(--muted); }
        .chips { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; padding: 0; margin: 0; }
        .chip { border: 3px solid var(--ink); border-radius: 0.4rem; padding: 0 0.35rem; font-weight: bold; }
        #controller { margin: 0.2rem 0 0; }
        .legend { margin: 0 0 0.2rem; font-size: 0.85rem; }
        .chip[data-state="up"] { border-color: var(--good); }
        .chip[data-state="down"] { border-color: var(--bad); color: var(--bad); border-style: dashed; }
        .chip[data-state="paused"], .chip[data-state="faulted"] { border-color: var(--warn); color: var(--warn); }
        .chip .state { font-weight: normal; }
        .controller { color: var(--accent); }
        #expiring { border: 3px solid var(--warn); border-radius: 0.4rem; padding: 0.2rem 0.5rem; margin-top: 0.4rem; background: #fff1d6; }
        #expiring h3 { color: var(--warn); margin-top: 0; }
        #expiring ul { margin: 0; padding-left: 1.2rem; }
        #expiring .countdown { font-weight: bold; color: var(--bad); font-variant-numeric: tabular-nums; }
        #expiring .why { margin: 0.2rem 0 0; font-size: 0.85rem; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 0.4rem; }
        th, td { border-bottom: 2px solid var(--line); padding: 0.15rem 0.3rem; text-align: left; vertical-align: top; }
        th { font-size: 0.85rem; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        table.partitions th:nth-child(1) { width: 5.1rem; }
        .replica small { font-size: 0.75rem; }
        table.partitions th:nth-child(2) { width: 4.1rem; }
        table.partitions th:nth-child(3) { width: 7rem; }
        table.partitions th:nth-child(4) { width: 4.6rem; }
        table.partitions th:nth-child(5) { width: 6.3rem; }
        table.offsets th:nth-child(n+3) { width: 6.8rem; }
        tr[data-health="under-replicated"] td { background: #fff1d6; }
        tr[data-health="offline"] td { background: #ffe0e0; }
        .health { font-weight: bold; }
        tr[data-health="healthy"] .health { color: var(--good); }
        tr[data-health="under-replicated"] .health { color: var(--warn); }
        tr[data-health="offline"] .health { color: var(--bad); }
        .replica { display: inline-block; border: 2px solid var(--ink); border-radius: 0.3rem; padding: 0 0.3rem; margin: 0 0.2rem 0.2rem 0; }
        .replica[data-in-sync="no"] { border-style: dashed; color: var(--bad); }
        .replica[data-role="leader"] { background: var(--ink); color: var(--paper); }
        .group { border-left: 6px solid var(--accent); padding-left: 0.5rem; margin-bottom: 0.6rem; }
        .meaning { margin: 0 0 0.2rem; }
        #timeline { min-width: 0; border-left: 3px solid var(--ink); padding-left: 0.8rem; }
        #event-list { list-style: none; padding: 0; margin: 0; }
        #event-list li { border-bottom: 2px solid var(--line); padding: 0.25rem 0; }
        #event-list .time { font-weight: bold; font-variant-numeric: tabular-nums; }
        #event-list .line { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85rem; display: block; }
        #event-list .why { display: block; }
        a { color: var(--accent); }
        #glossary { margin-top: 1rem; border-top: 3px solid var(--ink); }
        #glossary summary { font-size: 1.1rem; font-weight: bold; cursor: pointer; }
        #glossary dt { font-weight: bold; margin-top: 0.4rem; }
        #glossary dd { margin: 0 0 0 1rem; white-space: pre-line; }
        """
}
