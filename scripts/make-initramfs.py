#!/usr/bin/env python3
"""Builds a gzip'd newc cpio initramfs for vmd's Linux guests.

The image holds /init (vmd-init, see tests/linux/vmd_init.c), optionally a
static busybox with its applet links (a shell for the demo VM), and kernel
modules with their dependencies (from each module's .modinfo), listed in load order
in /etc/vmd-modules. Standard library only.

  make-initramfs.py --init vmd_init --out initrd.gz \
      [--busybox busybox] [--modules-root DIR/lib/modules/RELEASE --module gpio_keys ...]
"""
import argparse
import gzip
import io
import lzma
import os
import stat
import subprocess
import sys
import time

BUSYBOX_APPLETS = [
    "sh", "ls", "cat", "echo", "mount", "umount", "mkdir", "rm", "cp", "mv", "dd", "sync",
    "sort", "md5sum", "sha256sum", "gzip", "gunzip", "head", "tail", "wc", "grep", "sed",
    "awk", "ps", "kill", "sleep", "uname", "dmesg", "free", "df", "du", "find", "mkfs.ext2",
    "mke2fs", "fdisk", "hexdump", "wget", "ip", "ifconfig", "udhcpc", "nc", "ping", "poweroff",
    "reboot", "halt", "true", "false", "test", "[", "printf", "date", "hostname", "touch",
    "chmod", "ln", "tr", "cut", "uniq", "xargs", "seq", "yes", "vi", "less", "more", "env",
    "insmod", "modprobe", "lsmod", "httpd", "tee", "stat", "cmp", "diff",
]


class Cpio:
    def __init__(self):
        self.buf = io.BytesIO()
        self.ino = 1

    def _entry(self, name, mode, data=b"", rdev=(0, 0), nlink=1):
        name_b = name.encode() + b"\0"
        hdr = "070701" + "".join(
            "%08X" % v
            for v in (self.ino, mode, 0, 0, nlink, int(time.time()) if name != "TRAILER!!!" else 0,
                      len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0))
        self.ino += 1
        self.buf.write(hdr.encode() + name_b)
        self.buf.write(b"\0" * ((4 - (110 + len(name_b)) % 4) % 4))
        self.buf.write(data)
        self.buf.write(b"\0" * ((4 - len(data) % 4) % 4))

    def dir(self, name):
        self._entry(name, stat.S_IFDIR | 0o755, nlink=2)

    def file(self, name, data, mode=0o644):
        self._entry(name, stat.S_IFREG | mode, data)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor):
        self._entry(name, stat.S_IFCHR | 0o600, rdev=(major, minor))

    def finish(self):
        self._entry("TRAILER!!!", 0)
        return self.buf.getvalue()


def read_module(path):
    data = open(path, "rb").read()
    if path.endswith(".xz"):
        return lzma.decompress(data)
    if path.endswith(".zst"):
        return subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
    if path.endswith(".gz"):
        return gzip.decompress(data)
    return data


def module_depends(path):
    """The module's own dependency list, from its .modinfo `depends=` entry."""
    data = read_module(path)
    key = b"\0depends="
    i = data.find(key)
    if i < 0:
        return []
    end = data.find(b"\0", i + len(key))
    return [d for d in data[i + len(key):end].decode().split(",") if d]


def resolve_modules(root, names):
    """Returns module paths (relative to root) with dependencies first.

    Debian's kernel packages ship no modules.dep (depmod runs at install), so
    dependencies come from each module's .modinfo."""
    by_name = {}
    for dirpath, _, files in os.walk(os.path.join(root, "kernel")):
        for f in files:
            if ".ko" in f:
                by_name[f.split(".ko")[0].replace("-", "_")] = os.path.relpath(os.path.join(dirpath, f), root)
    builtin = set()
    builtin_path = os.path.join(root, "modules.builtin")
    if os.path.exists(builtin_path):
        for line in open(builtin_path):
            builtin.add(os.path.basename(line.strip()).split(".ko")[0].replace("-", "_"))
    order = []

    def visit(name, chain):
        key = name.replace("-", "_")
        if key in builtin or by_name.get(key) in order:
            return
        if key not in by_name:
            sys.exit("make-initramfs: module %s (needed by %s) not found under %s" % (name, chain or "the command line", root))
        if key in chain:
            return
        for dep in module_depends(os.path.join(root, by_name[key])):
            visit(dep, chain + [key])
        order.append(by_name[key])

    for name in names:
        visit(name, [])
    return order


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--init", required=True, help="the /init binary (vmd-init)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--busybox", help="a static arm64 busybox for /bin")
    ap.add_argument("--modules-root", help="lib/modules/RELEASE of the kernel package")
    ap.add_argument("--module", action="append", default=[], help="module to load at boot (repeat)")
    args = ap.parse_args()

    c = Cpio()
    for d in ("dev", "proc", "sys", "etc", "bin", "sbin", "tmp", "root", "lib", "lib/modules", "mnt"):
        c.dir(d)
    c.chardev("dev/console", 5, 1)
    c.file("init", open(args.init, "rb").read(), 0o755)
    if args.busybox:
        c.file("bin/busybox", open(args.busybox, "rb").read(), 0o755)
        for applet in BUSYBOX_APPLETS:
            c.symlink("bin/" + applet, "busybox")
    load_list = []
    if args.module:
        if not args.modules_root:
            sys.exit("make-initramfs: --module needs --modules-root")
        for rel in resolve_modules(args.modules_root, args.module):
            name = os.path.basename(rel)
            for ext in (".xz", ".zst", ".gz"):
                if name.endswith(ext):
                    name = name[: -len(ext)]
            c.file("lib/modules/" + name, read_module(os.path.join(args.modules_root, rel)))
            load_list.append("/lib/modules/" + name)
    c.file("etc/vmd-modules", ("\n".join(load_list) + "\n").encode() if load_list else b"")
    data = gzip.compress(c.finish(), 6, mtime=0)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)
    print("make-initramfs: %s (%d KiB, %d modules%s)" % (
        args.out, len(data) // 1024, len(load_list), ", busybox" if args.busybox else ""))


if __name__ == "__main__":
    main()
