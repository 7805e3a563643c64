import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes the cluster's processes end when the REPL that started them ends, however it ends —
/// including SIGKILL, which no code in the REPL can catch.
///
/// Why this design: Linux's `prctl(PR_SET_PDEATHSIG)` must be called in the child between fork and
/// exec, which Foundation `Process` offers no hook for (and it fires when the spawning *thread*
/// ends, not the process); macOS has no such call; and the servers themselves should not need a
/// `--parent-pid` option. So a tiny watchdog runs beside the REPL: `/bin/sh` reading a pipe whose
/// only write end the REPL holds (close-on-exec, so no server inherits it). The REPL writes
/// `+PID` for each process it starts and `-PID` when one ends or is stopped. When the REPL dies the
/// kernel closes the write end, the watchdog reads end-of-file and stops every PID still listed:
/// SIGTERM (so brokers shut down cleanly), then SIGKILL after 10 s. The watchdog ignores SIGINT,
/// SIGHUP and SIGTERM from the terminal, so Ctrl-C or closing the window reaches it only through
/// the REPL's death. Detached clusters are simply never listed.
///
/// The window for a wrong kill is a listed PID that ended and was reused between the REPL's death
/// and the watchdog's signal: the REPL removes PIDs as soon as Foundation reports their exit, so
/// this needs a process to die in the same instant as the REPL.
public final class ParentDeathWatchdog: Sendable {
    /// The pipe's write end (-1 before the first use, -2 once closed for good) and the shell.
    private struct WatchdogPipe: @unchecked Sendable {  // `Process` is only touched inside the mutex.
        var writeFD: Int32 = -1
        var watchdog: Process?
    }

    private let pipeState = Mutex(WatchdogPipe())

    /// The shell program. `read` returns non-zero at end of file, which ends the loop.
    static let script = """
        trap '' INT HUP TERM QUIT TSTP
        pids=''
        while IFS= read -r line; do
          case "$line" in
            +*) pids="$pids ${line#+}" ;;
            -*) p="${line#-}"; kept=''; for q in $pids; do [ "$q" = "$p" ] || kept="$kept $q"; done; pids="$kept" ;;
          esac
        done
        [ -n "$pids" ] || exit 0
        for p in $pids; do kill -TERM "$p" 2>/dev/null; kill -CONT "$p" 2>/dev/null; done
        i=0
        while [ $i -lt 20 ]; do
          alive=''
          for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
          [ -n "$alive" ] || exit 0
          pids="$alive"; i=$((i + 1)); sleep 0.5
        done
        for p in $pids; do kill -KILL "$p" 2>/dev/null; done
        """

    public init() {}

    /// Lists `pid`: it is stopped if this process dies. Starts the watchdog on first use.
    public func watch(_ pid: Int32) {
        self.send("+\(pid)\n")
    }

    /// Removes `pid`: it ended, was stopped on purpose, or is handed over (detached).
    public func unwatch(_ pid: Int32) {
        self.send("-\(pid)\n")
    }

    /// The watchdog's PID once started, for tests.
    public var watchdogPID: Int32? {
        self.pipeState.withLock { $0.watchdog?.processIdentifier }
    }

    /// Closes the pipe, which is what the REPL's death does: the watchdog stops every PID still
    /// listed. For tests, and for a REPL handing its cluster over on purpose.
    public func closePipe() {
        self.pipeState.withLock { state in
            guard state.writeFD >= 0 else { return }
            _ = close(state.writeFD)
            state.writeFD = -2  // closed for good: later watch calls do not start a new watchdog
        }
    }

    private func send(_ line: String) {
        self.pipeState.withLock { state in
            if state.writeFD == -1 { Self.start(&state) }
            guard state.writeFD >= 0 else { return }
            let bytes = Array(line.utf8)
            var written = 0
            // Lines are a few bytes and the pipe holds 64 KiB; the loop only covers a short write.
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(state.writeFD, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                written += n
            }
        }
    }

    private static func start(_ state: inout WatchdogPipe) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        let (readFD, writeFD) = (fds[0], fds[1])
        // Our end must not leak into any other child, or end of file would never come.
        _ = fcntl(writeFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(readFD, F_SETFD, FD_CLOEXEC)
        // A dead watchdog must not kill the REPL with SIGPIPE on the next write.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", Self.script]
        let input = FileHandle(fileDescriptor: readFD, closeOnDealloc: false)
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            _ = close(readFD)
            _ = close(writeFD)
            return
        }
        _ = close(readFD)
        state.writeFD = writeFD
        state.watchdog = process
    }
}
