# Usage: python3 scripts/bench-ceiling.py SCRATCH_FILE (512 MiB written there, then deleted; put it on the disk, not tmpfs).
# Ceilings on this machine: read a cached 512 MiB file into user space (pread copy), and send it
# over loopback with sendfile to a reader that discards it (recv_into a fixed buffer).
import os, socket, threading, time, sys
path = sys.argv[1]; size = 512 << 20
with open(path, "wb") as f:
    f.write(os.urandom(1 << 20) * 512)
fd = os.open(path, os.O_RDONLY)
buf = bytearray(1 << 20); view = memoryview(buf)
def copy_pass():
    t = time.perf_counter(); off = 0
    while off < size:
        n = os.preadv(fd, [view], off); off += n
    return size / (time.perf_counter() - t) / 1e9
copy_pass()
copy = max(copy_pass() for _ in range(3))
def loop_pass():
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
    got = [0]
    def reader():
        c, _ = srv.accept(); b = bytearray(1 << 20)
        while True:
            n = c.recv_into(b)
            if not n: break
            got[0] += n
        c.close()
    th = threading.Thread(target=reader); th.start()
    s = socket.create_connection(srv.getsockname())
    t = time.perf_counter(); off = 0
    while off < size:
        off += os.sendfile(s.fileno(), fd, off, size - off)
    s.close(); th.join(); el = time.perf_counter() - t; srv.close()
    return got[0] / el / 1e9
loop = max(loop_pass() for _ in range(3))
print(f"page cache -> user copy (pread 1 MiB): {copy:.2f} GB/s; loopback sendfile -> reader: {loop:.2f} GB/s")
os.unlink(path)
