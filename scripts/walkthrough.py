#!/usr/bin/env python3
"""Drives `samsa` in a pseudo-terminal through the course walkthrough and writes what the screen
showed as plain text (docs/walkthrough.txt): cluster start, a replicated topic, produce, a leader
killed and its session expiring, the ISR growing back, a consumer group of three, one member
killed and the rebalance that follows; then the fault injector: replication cut on a leader,
acks=1 records acknowledged by it alone and lost in a clean election, and a broker isolated from
the metadata server.

usage: scripts/walkthrough.py SAMSA_EXECUTABLE OUTPUT_FILE [es|en]
With es the session is in Spanish (SAMSA_LANGUAGE=es; docs/walkthrough.es.txt).
Runs in a temporary folder; every wait is bounded; the cluster stops when samsa quits."""
import os, pty, re, select, sys, tempfile, time

exe, output = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
language = sys.argv[3] if len(sys.argv) > 3 else "en"
# The event lines waited for, as a Spanish session words them.
SPANISH = {
    "leader 1 →": "líder 1 →", "caught up": "se ha puesto al día", "billing · generation": "billing · generación",
    "c2 joined": "c2 ha entrado", "c3 joined": "c3 ha entrado", "c1 was killed": "c1 ha muerto",
    "/brokers/ids/3 deleted": "/brokers/ids/3 borrado", "broker 3 registered": "broker 3 registrado",
    "Stopping cluster": "Parando el clúster",
}
folder = tempfile.mkdtemp(prefix="samsa-walkthrough-")
pid, fd = pty.fork()
if pid == 0:
    os.environ.update({"HOME": folder, "TERM": "xterm", "NO_COLOR": "1", "COLUMNS": "110", "SAMSA_LANGUAGE": language})
    os.chdir(folder)
    os.execv(exe, [exe])

raw = b""
seen_upto = 0

def read_for(seconds):
    global raw
    deadline = time.time() + seconds
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                raw += os.read(fd, 65536)
            except OSError:
                return

def expect(text, timeout=60):
    if language == "es":
        text = SPANISH.get(text, text)
    """Waits until `text` appears after what was already matched."""
    global seen_upto
    deadline = time.time() + timeout
    while time.time() < deadline:
        index = raw.find(text.encode(), seen_upto)
        if index >= 0:
            seen_upto = index + len(text.encode())
            return
        read_for(0.05)
    sys.stderr.write("walkthrough: expected %r; the terminal showed %r\n" % (text, raw[-800:]))
    os.kill(pid, 9)
    sys.exit(1)

def command(line, then="> ", timeout=60):
    """Types a line at the prompt and waits for the next prompt."""
    os.write(fd, (line + "\r").encode())
    expect(line)
    expect(then, timeout)

expect("> ")
read_for(0.5)  # libedit sets up the terminal after the first prompt is drawn
command("cluster start", timeout=60)
command("topic create orders --partitions 3 --replication-factor 3")
command('produce orders --key alice "first order"')
command("produce orders --count 5")
command("cluster status")
command("broker kill 1")
expect("leader 1 →", timeout=30)       # the session expired and the controller moved leaders
read_for(1.5)
command("cluster status")
command("broker start 1")
expect("caught up", timeout=40)        # a follower is back in the ISR
read_for(3)
command("cluster status")
command("consumer start c1 --group billing --topic orders")
expect("billing · generation", timeout=30)
command("consumer start c2 --group billing --topic orders")
expect("c2 joined", timeout=30)
command("consumer start c3 --group billing --topic orders")
expect("c3 joined", timeout=30)
command("group describe billing")
command("consumer kill c1")
expect("c1 was killed", timeout=40)    # the session timeout ran out and the group rebalanced
read_for(0.5)
command("group describe billing")
# Faults: asynchronous replication loses acknowledged records in a clean election.
command("topic create pagos --partitions 1 --replication-factor 3")
command("produce pagos --acks all --count 3")
command("fault cut-replication 1")
command("produce pagos --acks 1 --count 5")
command("fault list")
command("topic describe pagos")
command("broker kill 1")
command("wait leader pagos 0 --not 1", timeout=40)
command("consume pagos --from-beginning")
command("broker start 1", timeout=40)
command("wait isr pagos 0 --size 3", timeout=40)
command("consume pagos --from-beginning")
# A broker cut off from the metadata server: its session expires, its leaderships move.
command("fault isolate 3")
expect("/brokers/ids/3 deleted", timeout=30)
read_for(1.5)
command("cluster status")
command("fault heal")
expect("broker 3 registered", timeout=30)
read_for(2)
command("quit", then="Stopping cluster")
deadline = time.time() + 30
status = None
while time.time() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    read_for(0.1)
read_for(0.2)

# A small terminal: carriage returns, erase-to-end-of-line, and other escape sequences dropped.
lines, current, column = [], [], 0
text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
i = 0
while i < len(text):
    ch = text[i]
    if ch == "\x1b":
        match = re.match(r"\x1b\[([0-9;?]*)([A-Za-z])", text[i:])
        if match:
            if match.group(2) == "K":
                del current[column:]
            i += len(match.group(0))
            continue
        i += 2
        continue
    if ch == "\n":
        lines.append("".join(current).rstrip())
        current, column = [], 0
    elif ch == "\r":
        column = 0
    elif ch == "\b":
        column = max(0, column - 1)
    elif ch == "\x07" or ord(ch) < 32:
        pass
    else:
        if column < len(current):
            current[column] = ch
        else:
            current.append(ch)
        column += 1
    i += 1
if current:
    lines.append("".join(current).rstrip())
with open(output, "w") as file:
    file.write("\n".join(lines).rstrip() + "\n")
print("wrote %s (%d lines); samsa exit status %s" % (output, len(lines), status))
