#!/usr/bin/env python3
"""Drives headless Chromium over its DevTools pipe (--remote-debugging-pipe: fd 3 in, fd 4 out,
NUL-separated JSON), standard library only, for LiveViewBrowserTests.

    live_view_probe.py CHROMIUM URL

Opens URL in a 1280x720 page, then answers one command per line on stdin, one JSON line each:
    wait SECONDS EXPRESSION   evaluates EXPRESSION every 100 ms until it is truthy or SECONDS pass;
                              -> {"ok": bool, "value": last value, "elapsed": seconds}
    eval EXPRESSION           -> {"ok": true, "value": ...}
    shot PATH                 a PNG of the page -> {"ok": true}
    quit                      closes Chromium
Every wait is bounded; Chromium is closed when stdin ends or on any error."""
import base64, json, os, shutil, signal, subprocess, sys, tempfile, time


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="live-view-chromium")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        def wire():
            # Copies first: one pipe end may already sit on fd 3 or 4.
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
        self.process = subprocess.Popen(
            [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--mute-audio",
             "--hide-scrollbars", "--window-size=1280,720", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "about:blank"],
            # The pipe ends must arrive as fds 3 and 4: dup2 in the child, and no closing after it.
            close_fds=False, preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed its pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(method + ": " + json.dumps(answer["error"]))
                return answer.get("result", {})
        raise RuntimeError(method + ": no answer in %d s" % timeout)

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def reply(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def main():
    chromium, url = sys.argv[1], sys.argv[2]
    # A test that gives up sends SIGTERM: close Chromium on the way out (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    browser = Browser(chromium)
    try:
        browser.open(url)
        reply({"ok": True, "opened": url})
        for line in sys.stdin:
            command, _, rest = line.strip().partition(" ")
            if command == "wait":
                seconds, _, expression = rest.partition(" ")
                began = time.time()
                value = None
                while True:
                    value = browser.evaluate(expression)
                    if value or time.time() - began > float(seconds):
                        break
                    time.sleep(0.1)
                reply({"ok": bool(value), "value": value, "elapsed": round(time.time() - began, 2)})
            elif command == "eval":
                reply({"ok": True, "value": browser.evaluate(rest)})
            elif command == "shot":
                browser.screenshot(rest)
                reply({"ok": True})
            elif command == "quit":
                break
            else:
                reply({"ok": False, "error": "unknown command " + command})
    except Exception as error:
        reply({"ok": False, "error": str(error)})
    finally:
        browser.close()


if __name__ == "__main__":
    main()
