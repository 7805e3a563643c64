import Foundation
import SamsaTesting
import XCTest

/// The REPL in a pseudo-terminal, driven by Python's `pty` module: libedit must be loaded (not
/// the plain fallback), TAB must complete commands and arguments, ↑ must recall history, and
/// history must reach `~/.samsa_history`. Skipped without python3 (failed under CI=true).
final class LineEditingTests: XCTestCase {
    /// Types keys, waits (bounded) for text on the screen, exits non-zero naming the first
    /// expectation not met and what the screen showed.
    static let driver = #"""
        import os, pty, select, sys, time
        exe, home = sys.argv[1], sys.argv[2]
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update({"HOME": home, "TERM": "xterm", "NO_COLOR": "1"})
            os.chdir(home)
            os.execv(exe, [exe])
        seen = b""
        def expect(text, timeout=20):
            global seen
            deadline = time.time() + timeout
            while time.time() < deadline:
                if text.encode() in seen:
                    seen = seen[seen.index(text.encode()) + len(text.encode()):]
                    return
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    try:
                        seen += os.read(fd, 4096)
                    except OSError:
                        break
            print("expected %r; the terminal showed %r" % (text, seen[-600:]))
            os.kill(pid, 9)
            sys.exit(1)
        def send(keys):
            os.write(fd, keys.encode())
        expect("samsa (no cluster)> ")
        send("explain hi\t\r")
        expect("The high watermark is the offset")
        expect("samsa (no cluster)> ")
        send("clu\tstatu\t\r")
        expect('no cluster "lab" is running')
        expect("samsa (no cluster)> ")
        send("broker \t\t")
        expect("resume")
        send("\x15")
        send("\x1b[A\r")
        expect('no cluster "lab" is running')
        expect("samsa (no cluster)> ")
        send("quit\r")
        deadline = time.time() + 20
        while time.time() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                sys.exit(0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 2)
            try:
                os.read(fd, 4096)
            except OSError:
                pass
            time.sleep(0.05)
        print("samsa did not exit after quit")
        os.kill(pid, 9)
        sys.exit(1)
        """#

    func testTabCompletionAndHistoryInATerminal() throws {
        let python = try ExternalTool.require("python3", ExternalTool.python())
        let home = try self.makeTemporaryDirectory(prefix: "samsa-pty")
        let script = home.appending("drive.py")
        try Self.driver.write(to: script, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(
            python, arguments: [script.path, try Products.executable("samsa").path, home.path], timeout: .seconds(120))
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let history = try String(contentsOf: home.appending(".samsa_history"), encoding: .utf8)
        XCTAssertTrue(history.contains("explain\\040high-watermark"), history)
        XCTAssertTrue(history.contains("cluster\\040status"), history)
    }
}
