"""A Debian 12 system booted with systemd, for the store-install test: a root made once by mmdebstrap
(cached between runs under /var/cache/kiosk-tests), copied, and booted with `systemd-nspawn -b`.

Commands run inside it through nsenter (the container is not registered with machined: this machine
may have none), with a clean environment; its files are reached from outside through the copy and
through /proc/LEADER/root (its /run is the container's own tmpfs).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

CACHE = Path(os.environ.get("KIOSK_TEST_CACHE", "/var/cache/kiosk-tests"))
SUITE = "bookworm"
# A minimal system that boots: systemd as init, D-Bus and logind, udev; the installer brings the rest.
INCLUDE = ("systemd", "systemd-sysv", "dbus", "udev", "python3", "python3-venv", "ca-certificates", "procps")
CLEAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
DEFAULT_MIRROR = "http://deb.debian.org/debian"


def debian_mirror(sources: Path = Path("/etc/apt")) -> str:
    """The Debian archive this machine's apt uses (a mirror CI or the office set), else deb.debian.org."""
    files = [sources / "sources.list", *sorted((sources / "sources.list.d").glob("*.list")),
             *sorted((sources / "sources.list.d").glob("*.sources"))]
    for file in files:
        if not file.is_file():
            continue
        text = file.read_text(errors="replace")
        one_line = re.findall(r"^\s*deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+(\S+)", text, re.M)
        deb822 = re.findall(r"^URIs:\s*(\S+)[^\n]*\n(?:[^\n]+\n)*?Suites:\s*(\S+)", text, re.M)
        for uri, suite in one_line + deb822:
            if not suite.endswith("-security") and "security" not in uri:
                return str(uri).rstrip("/")
    return DEFAULT_MIRROR


def debian_root(timeout_s: float = 900) -> Path:
    """The cached Debian 12 root, made the first time by mmdebstrap (debootstrap where it is missing); made
    once when several test processes ask for it at the same time (the install tests run in parallel)."""
    root = CACHE / f"debian-12-{SUITE}"
    if (root / ".complete").exists():
        return root
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"{root.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be making it: wait, then use its root
        if not (root / ".complete").exists():
            _make_root(root, timeout_s)
    return root


def _make_root(root: Path, timeout_s: float) -> None:
    """Make the Debian root in a folder of its own, then move it where the cache keeps it."""
    building = CACHE / f"{root.name}.building"
    _unmount_below(building)
    shutil.rmtree(building, ignore_errors=True)
    command = _bootstrap(building)
    made = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    _unmount_below(building)
    if made.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({made.returncode}): {(made.stdout + made.stderr)[-3000:]}")
    (building / "etc/hostname").write_text("store-pc\n")
    (building / ".complete").touch()
    shutil.rmtree(root, ignore_errors=True)
    building.rename(root)


def _bootstrap(root: Path) -> list[str]:
    """The command that makes a minimal Debian 12 in `root`, the same packages as debootstrap's minbase.
    mmdebstrap downloads through apt, many packages at once (debootstrap fetches them one by one: minutes from
    a far mirror), and unpacks them in one pass: 37 s of CPU against debootstrap's 79 s here. Its packages come
    from and go to the .deb cache the booted systems' apt uses, so a root made again downloads no package, and
    it keeps apt's package lists, as debootstrap did, so each install's `apt-get update` only checks them."""
    if not shutil.which("mmdebstrap"):
        return ["debootstrap", "--variant=minbase", f"--include={','.join(INCLUDE)}", SUITE, str(root), debian_mirror()]
    debs = CACHE / "apt-archives"
    (debs / "partial").mkdir(parents=True, exist_ok=True)
    # /usr merged as debootstrap does it (without the hook, apt merges it with usrmerge, which brings perl)
    return ["mmdebstrap", "--mode=root", "--variant=minbase", f"--include={','.join(INCLUDE)}", "--quiet",
            "--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr", "--skip=cleanup/apt/lists",
            "--setup-hook=mkdir -p \"$1/var/cache/apt/archives\"",
            f"--setup-hook=mount --bind {debs} \"$1/var/cache/apt/archives\"",
            "--customize-hook=umount \"$1/var/cache/apt/archives\"",
            # a machine id, as debootstrap's systemd gave it (mmdebstrap empties it: every boot a first boot)
            "--customize-hook=chroot \"$1\" systemd-machine-id-setup", "--skip=cleanup/reproducible",
            SUITE, str(root), debian_mirror()]


def _unmount_below(folder: Path) -> None:
    """Unmount what a debootstrap cut short left mounted in `folder` (its /proc): rmtree cannot remove it, and
    the next debootstrap into what is left fails."""
    mounted = [line.split()[1] for line in Path("/proc/self/mounts").read_text().splitlines()]
    for point in sorted((point for point in mounted if Path(point).is_relative_to(folder)), reverse=True):
        subprocess.run(["umount", "--lazy", point], check=False, timeout=60)


class BootedDebian:
    """A copy of the cached root, booted by systemd-nspawn; `run` a command in it, `path` to reach a file.
    `binds` are seen read-only inside; apt's and pip's downloads are kept in the cache between boots.

    apt's downloaded packages are linked into the copy's own archive folder and the new ones linked back into
    the cache at the end, rather than the cache bound into it: two systems booted at once (the install tests
    run in parallel) would share apt's lock on that folder, and the second apt-get would fail on it."""

    def __init__(self, root: Path, copy: Path, binds: dict[Path, str]) -> None:
        self.copy = copy
        if copy.exists():
            shutil.rmtree(copy)
        subprocess.run(["cp", "-a", "--reflink=auto", str(root), str(copy)], check=True, timeout=300)
        _link_packages(CACHE / "apt-archives", copy / "var/cache/apt/archives")
        self.log = copy.with_suffix(".console.log")
        self.cgroups = _own_cgroups(copy.name)
        arguments = ["systemd-nspawn", "--quiet", "-D", str(copy), "-b", "--register=no", "--keep-unit",
                     "--console=pipe", "--resolv-conf=copy-host", f"--machine=store-pc-{os.getpid()}",
                     *(f"--bind-ro={outside}:{inside}" for outside, inside in binds.items()),
                     *(f"--bind={folder}:{inside}" for folder, inside in self._download_caches().items())]
        with self.log.open("wb") as log:
            self.nspawn = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                           preexec_fn=lambda: _enter(self.cgroups))
        self.leader = 0

    @staticmethod
    def _download_caches() -> dict[Path, str]:
        folders = {CACHE / "pip": "/root/.cache/pip"}  # pip's cache takes several pips at once
        (CACHE / "pip").mkdir(parents=True, exist_ok=True)
        return folders

    def __enter__(self) -> BootedDebian:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def wait_booted(self, timeout_s: float = 60) -> float:
        """Wait until systemd in the container finished booting; returns the seconds it took."""
        started = time.monotonic()
        while not self.leader:
            if self.nspawn.poll() is not None or time.monotonic() - started > timeout_s:
                raise AssertionError("the container did not start: " + self.log.read_text(errors="replace")[-3000:])
            self.leader = self._child_of(self.nspawn.pid)
            time.sleep(0.1)
        while True:
            state = self.run("systemctl", "is-system-running", check=False).stdout.strip()
            if state in ("running", "degraded"):
                return time.monotonic() - started
            if time.monotonic() - started > timeout_s:
                raise AssertionError(f"the container's systemd is {state!r} after {timeout_s} s")
            time.sleep(0.2)

    @staticmethod
    def _child_of(parent: int) -> int:
        """The container's PID 1 as this machine sees it: nspawn's child that is 1 in its own namespace
        (nspawn's first child, which sets the namespaces up, goes away)."""
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(parent) and fields.get("NSpid", "").split()[-1:] == ["1"]:
                return int(status.parent.name)
        return 0

    def run(self, *command: str, check: bool = True, timeout: float = 600,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """A command in the container, as its root, with a clean environment."""
        done = subprocess.run(["nsenter", "-t", str(self.leader), "-a", "env", "-i", f"PATH={CLEAN_PATH}",
                               "HOME=/root", "LANG=C.UTF-8", *command], input=stdin, capture_output=True, text=True,
                              timeout=timeout, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} ended with {done.returncode}:\n{done.stdout[-3000:]}\n"
                                 f"{done.stderr[-3000:]}")
        return done

    def path(self, inside: str) -> Path:
        """A path of the running container, from outside (its /run and /tmp included)."""
        return Path(f"/proc/{self.leader}/root") / inside.lstrip("/")

    def close(self) -> None:
        """Power the container off (killed if it takes too long) and remove the copy."""
        if self.nspawn.poll() is None:
            if self.leader:
                subprocess.run(["kill", "-RTMIN+4", str(self.leader)], check=False)  # systemd: poweroff
            try:
                self.nspawn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.nspawn.kill()
                self.nspawn.wait(timeout=30)
        _link_packages(self.copy / "var/cache/apt/archives", CACHE / "apt-archives")
        for folder in self.cgroups:  # empty by now: the deepest first
            for inner in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                inner.rmdir()
            folder.rmdir()
        shutil.rmtree(self.copy, ignore_errors=True)
        self.log.unlink(missing_ok=True)


def _link_packages(source: Path, target: Path) -> None:
    """Every .deb of `source` that `target` lacks, hard-linked there (copied across file systems)."""
    (target / "partial").mkdir(parents=True, exist_ok=True)  # apt's own layout
    for package in source.glob("*.deb"):
        linked = target / package.name
        if linked.exists():
            continue
        try:
            os.link(package, linked)
        except FileExistsError:  # another process linked it just now
            continue
        except OSError:
            shutil.copy2(package, linked)


def _own_cgroups(name: str) -> list[Path]:
    """A control group `name` beside this process's, in each hierarchy systemd-nspawn places a container by
    (the unified one, and systemd's named one where the machine mounts cgroups v1 too). With --keep-unit the
    container's systemd runs in the cgroup nspawn was started in: two systems booted from one process group
    shared one tree (each one's system.slice/kiosk.service listed both kiosks, and one test's SIGSTOP went to
    the other system's kiosk), so each nspawn starts in a group of its own."""
    where = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controllers in ("", "name=systemd"):
            where["cgroup2" if not controllers else "name=systemd"] = path
    folders = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split()
        after = fields[fields.index("-") + 1:]
        kind = "cgroup2" if after[0] == "cgroup2" else "name=systemd" if \
            after[0] == "cgroup" and "name=systemd" in after[2].split(",") else ""
        if kind not in where or fields[3] != "/":
            continue
        folder = Path(fields[4]) / where.pop(kind).lstrip("/") / name
        folder.mkdir(exist_ok=True)
        folders.append(folder)
    return folders


def _enter(cgroups: list[Path]) -> None:
    """In the child before nspawn starts: move into its own control groups."""
    for folder in cgroups:
        (folder / "cgroup.procs").write_text(str(os.getpid()))
