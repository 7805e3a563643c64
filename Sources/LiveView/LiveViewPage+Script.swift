extension LiveViewPage {
    /// Renders each snapshot the event stream pushes; never polls. Text goes in with textContent only.
    /// The data-* attributes (leader, isr, health, kind) are what the browser test reads.
    static let script = #"""
        "use strict";
        const config = JSON.parse(document.getElementById("configuration").textContent);
        const T = config.text;
        const firstSeen = new Map();
        const $ = (id) => document.getElementById(id);
        function el(tag, attributes, ...children) {
          const node = document.createElement(tag);
          for (const [name, value] of Object.entries(attributes || {})) {
            if (value !== undefined && value !== null) node.setAttribute(name, String(value));
          }
          for (const child of children) {
            if (child === null || child === undefined) continue;
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
          }
          return node;
        }
        function say(key, values) {
          let text = T[key] || key;
          for (const [name, value] of Object.entries(values || {})) text = text.split("{" + name + "}").join(String(value));
          return text;
        }
        const show = (value) => (value === null || value === undefined ? "–" : String(value));
        function clock(ms) {
          const d = new Date(ms);
          return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
        }
        function renderServers(snapshot) {
          const list = el("ul", { class: "chips" });
          for (const server of snapshot.servers) {
            const isBroker = server.brokerID !== null && server.brokerID !== undefined;
            const name = isBroker ? say("broker", { id: server.brokerID }) : T.metadataServer;
            const isController = isBroker && server.brokerID === snapshot.controller;
            const chip = el("li", { class: "chip", "data-broker": isBroker ? server.brokerID : "meta", "data-state": server.state },
              name + " ", el("span", { class: "state" }, T["state-" + server.state]));
            if (isController) chip.append(" ", el("span", { class: "controller" }, "★ " + T.controller));
            if (server.faults.length) chip.append(" ⚡ " + server.faults.join(", "));
            list.append(chip);
          }
          const summary = el("p", { id: "controller", "data-controller": show(snapshot.controller), "data-epoch": show(snapshot.controllerEpoch) },
            snapshot.controller === null || snapshot.controller === undefined
              ? T.noController : say("controllerLine", { id: snapshot.controller, epoch: show(snapshot.controllerEpoch) }));
          const notes = snapshot.note ? [el("p", { class: "note" }, snapshot.note)] : [];
          $("server-list").replaceChildren(list, summary, ...expiringSessions(snapshot), ...notes);
          updateCountdowns();
        }
        // Sessions nobody renews: who holds them, what they still hold, and a countdown to their
        // expiry that this page ticks itself (the server sends the expiry time once).
        function expiringSessions(snapshot) {
          const sessions = snapshot.expiringSessions || [];
          if (!sessions.length) return [];
          const items = sessions.map((s) => {
            const who = s.brokerID === null || s.brokerID === undefined
              ? say("expiringOther", { session: s.session }) : say("expiringBroker", { id: s.brokerID, session: s.session });
            const item = el("li", { "data-session": s.session, "data-broker": s.brokerID, "data-expires-at": s.expiresAt },
              el("b", {}, who), " · ", el("span", { class: "countdown", "data-expires-at": s.expiresAt }));
            if (s.ephemerals.length) item.append(" · " + say("holds", { paths: s.ephemerals.join(", ") }));
            return item;
          });
          const term = config.glossary.some((entry) => entry.term === "session") ? "session" : null;
          const why = el("p", { class: "why" }, T.expiringWhy, term ? " " : null, term ? el("a", { href: "#g-" + term }, "→ " + term) : null);
          return [el("div", { id: "expiring" }, el("h3", {}, T.expiringTitle), el("ul", { id: "expiring-sessions" }, ...items), why)];
        }
        function updateCountdowns() {
          for (const node of document.querySelectorAll(".countdown[data-expires-at]")) {
            const left = Math.ceil((Number(node.getAttribute("data-expires-at")) - Date.now()) / 1000);
            node.textContent = left > 0 ? say("expiresIn", { n: left }) : T.expiresNow;
          }
        }
        setInterval(updateCountdowns, 250);
        function replicaChip(partition, id) {
          const inSync = partition.isr.includes(id);
          const isLeader = partition.leader === id;
          const logEnd = (partition.replicaLogEndOffsets || {})[String(id)];
          return el("span", { class: "replica", "data-replica": id, "data-in-sync": inSync ? "yes" : "no", "data-role": isLeader ? "leader" : "follower",
            "data-log-end": logEnd, title: (isLeader ? T.leader : inSync ? T.inSyncFollower : T.outOfSync) + (logEnd === undefined ? "" : " · " + T.replicaLogEnd + " " + logEnd) },
            id + (isLeader ? " ★" : inSync ? "" : " ✗"), logEnd === undefined ? null : el("small", {}, " " + logEnd));
        }
        function renderTopics(snapshot) {
          const blocks = [];
          for (const topic of snapshot.topics) {
            const head = el("tr", {}, el("th", {}, T.partition), el("th", {}, T.leader), el("th", {}, T.replicas),
              el("th", { class: "number" }, T.logEndOffset), el("th", { class: "number" }, T.highWatermark), el("th", {}, T.health));
            const table = el("table", { class: "partitions", "data-topic": topic.name }, el("thead", {}, head));
            const body = el("tbody");
            for (const p of topic.partitions) {
              let health = T["health-" + p.health];
              if (p.health !== "healthy" && p.missing.length) health += " · " + say("missing", { ids: p.missing.join(", ") });
              body.append(el("tr", { "data-partition": topic.name + "-" + p.partition, "data-leader": show(p.leader),
                  "data-isr": p.isr.join(","), "data-health": p.health, "data-high-watermark": show(p.highWatermark) },
                el("td", {}, String(p.partition)), el("td", {}, p.leader === null || p.leader === undefined ? T.none : String(p.leader)),
                el("td", {}, ...p.replicas.map((id) => replicaChip(p, id))),
                el("td", { class: "number" }, show(p.logEndOffset)), el("td", { class: "number" }, show(p.highWatermark)),
                el("td", { class: "health" }, health)));
            }
            table.append(body);
            blocks.push(el("h3", {}, topic.name), table);
          }
          if (blocks.length) blocks.unshift(el("p", { class: "legend" }, T.legend));
          else blocks.push(el("p", { class: "note" }, T.noTopics));
          $("topic-list").replaceChildren(...blocks);
        }
        function renderGroups(snapshot) {
          const blocks = [];
          for (const group of snapshot.groups) {
            const meaning = T["group-" + group.state] || "";
            const facts = [say("stateLine", { state: group.state || "–" })];
            if (group.generation !== null && group.generation !== undefined) facts.push(say("generation", { n: group.generation }));
            facts.push(say("memberCount", { n: group.members.length }));
            const box = el("div", { class: "group", "data-group": group.id, "data-state": group.state },
              el("h3", {}, group.id + " · " + facts.join(" · ")), el("p", { class: "meaning" }, meaning));
            const members = el("ul", {});
            for (const member of group.members) {
              members.append(el("li", { "data-member": member.name, "data-partitions": member.partitions.join(",") },
                el("b", {}, member.name), ": " + (member.partitions.length ? member.partitions.join(", ") : T.nothing)));
            }
            if (group.members.length) box.append(members);
            if (group.offsets.length) {
              const table = el("table", { class: "offsets" }, el("thead", {}, el("tr", {}, el("th", {}, T.partition), el("th", {}, T.owner),
                el("th", { class: "number" }, T.committed), el("th", { class: "number" }, T.highWatermark), el("th", { class: "number" }, T.lag))));
              const body = el("tbody");
              for (const o of group.offsets) {
                body.append(el("tr", { "data-offsets": o.partition, "data-lag": show(o.lag) }, el("td", {}, o.partition), el("td", {}, show(o.owner)),
                  el("td", { class: "number" }, show(o.committed)), el("td", { class: "number" }, show(o.logEndOffset)),
                  el("td", { class: "number" }, show(o.lag))));
              }
              table.append(body);
              box.append(table);
            }
            blocks.push(box);
          }
          if (!blocks.length) blocks.push(el("p", { class: "note" }, T.noGroups));
          $("group-list").replaceChildren(...blocks);
        }
        function renderTimeline(snapshot) {
          const now = Date.now();
          const items = [];
          for (const event of snapshot.timeline.slice().reverse()) {
            if (!firstSeen.has(event.sequence)) firstSeen.set(event.sequence, now);
            const why = T["event-" + event.kind] || "";
            const term = config.glossaryTerms[event.kind];
            const item = el("li", { "data-kind": event.kind, "data-at": event.at, "data-received": firstSeen.get(event.sequence) },
              el("span", { class: "time" }, clock(event.at)), " ", el("span", { class: "line" }, event.text));
            if (why) item.append(el("span", { class: "why" }, why, term ? " " : null, term ? el("a", { href: "#g-" + term }, "→ " + term) : null));
            items.push(item);
          }
          if (!items.length) items.push(el("li", { class: "note" }, T.noEvents));
          $("event-list").replaceChildren(...items);
        }
        function render(snapshot) {
          if (!snapshot) return;
          renderServers(snapshot);
          renderTopics(snapshot);
          renderGroups(snapshot);
          renderTimeline(snapshot);
          document.body.setAttribute("data-taken-at", snapshot.takenAt);
          $("connection").textContent = say("live", { time: clock(snapshot.takenAt), name: snapshot.clusterName });
        }
        function renderGlossary() {
          const list = $("glossary-list");
          for (const entry of config.glossary) {
            list.append(el("dt", { id: "g-" + entry.term }, entry.term), el("dd", {}, entry.text));
          }
        }
        for (const [id, key] of [["servers-title", "servers"], ["topics-title", "topics"], ["groups-title", "groups"],
                                 ["timeline-title", "timeline"], ["glossary-title", "glossary"]]) {
          $(id).textContent = T[key];
        }
        renderGlossary();
        const stream = new EventSource("/events?token=" + encodeURIComponent(config.token));
        stream.onopen = () => { $("connection").setAttribute("data-state", "live"); };
        stream.onmessage = (message) => {
          $("connection").setAttribute("data-state", "live");
          render(JSON.parse(message.data));
        };
        stream.onerror = () => {
          $("connection").setAttribute("data-state", "lost");
          $("connection").textContent = T.lost;
        };
        """#
}
