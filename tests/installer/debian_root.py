"""A throwaway Debian root (debootstrap, cached as a tarball) to run install.sh in for real.

The base system is made once with ``debootstrap --variant=minbase`` and kept as a tarball in
``~/.cache/smartcorner/debootstrap`` (``SMARTCORNER_CACHE_DIR`` moves it), outside the repo.
apt's package lists and downloaded .deb files are also kept there (hard-linked into each root,
new downloads linked back), and pip's cache is bind-mounted, so a rerun downloads little.
Commands run in a private mount namespace (``unshare --mount``): the /proc, /dev and cache
mounts vanish with it, even if the test dies.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.installer.conftest import unavailable

SUITE = os.environ.get("SMARTCORNER_DEBOOTSTRAP_SUITE", "trixie")  # Debian 13: Python 3.13
DEFAULT_MIRROR = "http://deb.debian.org/debian"


def cache_dir() -> Path:
    base = os.environ.get("SMARTCORNER_CACHE_DIR") or Path.home() / ".cache" / "smartcorner"
    return Path(base)


def apt_mirror(sources: Path = Path("/etc/apt")) -> str:
    """The Debian mirror this machine's apt already uses (not the security one)."""
    files = [sources / "sources.list", *sorted((sources / "sources.list.d").glob("*"))]
    for f in files:
        try:
            text = f.read_text()
        except OSError:
            continue
        for url in re.findall(r"(?:^deb\s+(?:\[[^]]*\]\s+)?|^URIs:\s*)(\S+)", text, re.M):
            if url.rstrip("/").endswith("/debian"):
                return url.rstrip("/")
    return DEFAULT_MIRROR


def require_tools() -> None:
    if os.geteuid() != 0:
        unavailable("needs root (debootstrap, chroot, mounts)")
    for tool in ("debootstrap", "unshare", "chroot", "tar"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} is not installed (Debian package 'debootstrap' / util-linux)")


MAX_AGE_S = 30 * 86400  # then made again: a release's point updates pile up in apt's work


@contextmanager
def cache_lock() -> Iterator[None]:
    """Test runs in several checkouts share the cache: one at a time makes the base tarball
    or moves files in or out of it (seconds, except a debootstrap once a month)."""
    cache_dir().mkdir(parents=True, exist_ok=True)
    with (cache_dir() / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def base_tarball() -> tuple[Path, bool]:
    """The cached base system; (path, True) when it had to be made now."""
    with cache_lock():
        return _base_tarball()


def _base_tarball() -> tuple[Path, bool]:
    tarball = cache_dir() / "debootstrap" / f"{SUITE}-minbase-{os.uname().machine}.tar"
    if tarball.exists() and time.time() - tarball.stat().st_mtime < MAX_AGE_S:
        return tarball, False
    tarball.parent.mkdir(parents=True, exist_ok=True)
    work = tarball.parent / f"{SUITE}.building"
    shutil.rmtree(work, ignore_errors=True)
    made = subprocess.run(
        ["debootstrap", "--variant=minbase", SUITE, str(work), apt_mirror()],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise RuntimeError(
            f"debootstrap {SUITE} failed:\n{made.stdout[-2000:]}{made.stderr[-2000:]}"
        )
    for deb in (work / "var/cache/apt/archives").glob("*.deb"):
        deb.unlink()  # debootstrap's downloads: the root has them installed
    partial = tarball.with_name(tarball.name + ".partial")
    subprocess.run(["tar", "-C", str(work), "-cf", str(partial), "."], check=True)
    partial.rename(tarball)  # atomic: an interrupted run leaves no half tarball behind
    shutil.rmtree(work, ignore_errors=True)
    return tarball, True


def unpack(tarball: Path, root: Path) -> None:
    root.mkdir(parents=True)
    subprocess.run(["tar", "-C", str(root), "-xf", str(tarball)], check=True)
    shutil.copyfile("/etc/resolv.conf", root / "etc/resolv.conf")
    # The certificate authorities this machine added (a TLS-inspecting proxy on the way to
    # PyPI, say), where a site would add them on its kiosks: update-ca-certificates, run when
    # install.sh installs ca-certificates, puts them in the root's trust store.
    local_cas = Path("/usr/local/share/ca-certificates")
    if local_cas.is_dir():
        shutil.copytree(local_cas, root / "usr/local/share/ca-certificates", dirs_exist_ok=True)
    # Packages must not start services in the root (there is no systemd running in it).
    policy = root / "usr/sbin/policy-rc.d"
    policy.write_text("#!/bin/sh\nexit 101\n")
    policy.chmod(0o755)
    # A root thrown away after the test needs no fsync after every file dpkg unpacks: this
    # alone saves minutes of the install on a busy disk. What is installed is the same.
    (root / "etc/dpkg/dpkg.cfg.d/smartcorner-test").write_text("force-unsafe-io\n")
    # apt's package lists and the .deb files other runs downloaded, as hard links: each root
    # has its own apt folders (and apt locks), so test runs in several checkouts never wait
    # for one another's apt.
    with cache_lock():
        for name, inside in APT_CACHES.items():
            _link_files(cache_dir() / name, root / inside)
            (root / inside / "partial").mkdir(exist_ok=True)


# cache folder -> the folder of the root it seeds (files only; apt never edits one in place:
# it downloads into partial/ and renames, so a hard-linked cached file is never changed)
APT_CACHES = {"apt-archives": "var/cache/apt/archives", "apt-lists": "var/lib/apt/lists"}


def _link_files(src: Path, dest: Path, *, replace: bool = False) -> None:
    """Every regular file of ``src`` also in ``dest`` (hard links; copies across devices)."""
    dest.mkdir(parents=True, exist_ok=True)
    if not src.is_dir():
        return
    for f in src.iterdir():
        target = dest / f.name
        if not f.is_file() or f.is_symlink() or f.name == "lock":
            continue
        if target.exists() and not replace:
            continue
        partial = dest / f".{f.name}.linking"
        partial.unlink(missing_ok=True)
        try:
            os.link(f, partial)
        except OSError:
            shutil.copy2(f, partial)
        partial.replace(target)  # atomic: a reader never sees half a file


def keep_downloads(root: Path) -> None:
    """What apt fetched in ``root`` (new .deb files, fresh lists) into the shared cache."""
    with cache_lock():
        for name, inside in APT_CACHES.items():
            cache, mine = cache_dir() / name, root / inside
            _link_files(mine, cache, replace=name == "apt-lists")
            if name == "apt-lists":  # lists the archive no longer has go
                for stale in set(os.listdir(cache)) - set(os.listdir(mine)):
                    if (cache / stale).is_file():
                        (cache / stale).unlink()


def copy_source_tree(repo: Path, dest: Path) -> None:
    """The files git knows (tracked or new, not ignored): no .venv, no caches."""
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout
    names = [n for n in listing.decode().split("\0") if n and (repo / n).exists()]
    dest.mkdir(parents=True)
    tar = subprocess.run(
        ["tar", "-C", str(repo), "--null", "-T", "-", "-cf", "-"],
        input="\0".join(names).encode(),
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-C", str(dest), "-xf", "-"], input=tar, check=True)


def run_in_root(
    root: Path, script: str, *, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    """``script`` (sh) run as root in the root, with /proc, a private /dev and /run, and pip's
    cache mounted; the mounts live in a mount namespace that ends with the command.

    /dev is a tmpfs with the few character devices apt, dpkg and pip use, not the machine's
    /dev: a package script in the root can then neither see nor change the machine's devices.
    """
    pip_cache = cache_dir() / "pip"  # pip's own cache copes with concurrent users
    pip_cache.mkdir(parents=True, exist_ok=True)
    (root / "root/.cache/pip").mkdir(parents=True, exist_ok=True)
    setup = f"""
set -e
R={root}
mount -t proc proc "$R/proc"
mount -t tmpfs -o mode=0755,nosuid tmpfs "$R/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
  IFS=: read -r name major minor <<EOF_NODE
$node
EOF_NODE
  mknod -m 0666 "$R/dev/$name" c "$major" "$minor"
done
mkdir -p "$R/dev/pts" "$R/dev/shm"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$R/dev/shm"
ln -s /proc/self/fd "$R/dev/fd"
mount -t tmpfs -o mode=0755,nosuid tmpfs "$R/run"
mount --bind {pip_cache} "$R/root/.cache/pip"
exec chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 /bin/sh -c "$1"
"""
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", setup, "sh", script],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
