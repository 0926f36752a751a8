#!/usr/bin/env bash
# Fetches the real guests vmd's Linux tests boot into a cache outside git:
# Debian's arm64 cloud kernel (found through the linux-image-cloud-arm64
# metapackage) with its modules, and busybox-static; with --generic also the
# generic arm64 kernel (the demo VM needs its gpio_keys.ko and evdev.ko).
# Run as root (apt-get), no TTY needed; a second run with a current cache does
# nothing. Called by the `fetch_guests` ctest and by hand; see docs/guests.md.
#
#   fetch-guests.sh [--cache DIR] [--generic] [--force]
#
# Cache layout (versions in DIR/manifest, one "slot package version [release]" a line):
#   cloud/Image  cloud/vmlinuz-<release>  cloud/config-<release>  cloud/kernel-release
#   cloud/lib/modules/<release>/...        (generic/ the same, with --generic)
#   busybox/busybox                         (static, AArch64)
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${VMD_GUEST_CACHE:-$repo_root/build/guest-cache}"
want_generic=0
force=0

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
log() { echo "fetch-guests: $*"; }
die() { echo "fetch-guests: error: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --cache) [ $# -ge 2 ] || die "--cache needs a directory"; cache="$2"; shift 2 ;;
    --generic) want_generic=1; shift ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done

for tool in apt-get apt-cache dpkg dpkg-deb flock od gzip; do
  command -v "$tool" >/dev/null || die "$tool not found (Debian host expected; see scripts/install-deps.sh)"
done

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
manifest="$cache/manifest"
touch "$manifest"

# One fetch at a time per cache (parallel ctest runs, two shells).
exec 9>"$cache/.lock"
flock 9

export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_update() {  # once per run; returns 1 if it failed (offline, mirror down)
  [ "$apt_updated" -eq 0 ] || return 0
  apt_updated=1
  [ "$(id -u)" -eq 0 ] || { log "not root: cannot apt-get update"; return 1; }
  log "apt-get update"
  apt-get update -qq >/dev/null 2>&1 || { log "apt-get update failed"; return 1; }
}

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  [ "$(id -u)" -eq 0 ] || die "the arm64 architecture is not enabled in dpkg; run as root"
  log "dpkg --add-architecture arm64"
  dpkg --add-architecture arm64
  apt_update || die "apt-get update failed after adding arm64"
fi

# apt_show PKG...: "package|version|depends" of the arm64 candidate of each PKG, in
# one apt-cache call (each call costs seconds where apt keeps no binary cache).
apt_show() {
  local args=() p
  for p in "$@"; do args+=("$p:arm64"); done
  apt-cache show --no-all-versions "${args[@]}" 2>/dev/null |
    awk -F': ' '/^Package: /{p=$2} /^Version: /{v=$2} /^Depends: /{d=$2}
                /^$/{if (p != "") print p "|" v "|" d; p = v = d = ""}
                END{if (p != "") print p "|" v "|" d}'
}

# resolve: fills pkg_of/version_of/release_of for every wanted slot. Returns 1 if
# something is unknown to apt (lists never fetched or out of date).
declare -A meta_of=([cloud]=linux-image-cloud-arm64 [generic]=linux-image-arm64)
declare -A pkg_of version_of release_of
resolve() {
  local slot line name dep want=()
  for slot in "${slots[@]}"; do
    if [ "$slot" = busybox ]; then want+=(busybox-static); else want+=("${meta_of[$slot]}"); fi
  done
  local shown
  shown=$(apt_show "${want[@]}") || true
  local missing=()
  for slot in "${slots[@]}"; do
    if [ "$slot" = busybox ]; then
      line=$(grep '^busybox-static|' <<<"$shown" || true)
      [ -n "$line" ] || return 1
      pkg_of[$slot]=busybox-static
      version_of[$slot]=$(cut -d'|' -f2 <<<"$line")
      release_of[$slot]=""
      continue
    fi
    line=$(grep "^${meta_of[$slot]}|" <<<"$shown" || true)
    [ -n "$line" ] || return 1
    # Depends: linux-image-<release> (= <version>), ...
    dep=$(cut -d'|' -f3 <<<"$line" | tr ',' '\n' | sed 's/^ *//' | grep -E '^linux-image-[0-9]' |
          head -n 1)
    name=$(sed 's/ .*//; s/:arm64$//' <<<"$dep")
    [ -n "$name" ] || die "cannot resolve ${meta_of[$slot]}:arm64 to a linux-image package"
    pkg_of[$slot]=$name
    release_of[$slot]=${name#linux-image-}
    version_of[$slot]=$(sed -n 's/.*(= *\([^)]*\)).*/\1/p' <<<"$dep")
    [ -n "${version_of[$slot]}" ] || missing+=("$slot")
  done
  # An unversioned dependency: ask for the kernel package's own candidate.
  if [ ${#missing[@]} -gt 0 ]; then
    local names=()
    for slot in "${missing[@]}"; do names+=("${pkg_of[$slot]}"); done
    shown=$(apt_show "${names[@]}") || true
    for slot in "${missing[@]}"; do
      version_of[$slot]=$(grep "^${pkg_of[$slot]}|" <<<"$shown" | cut -d'|' -f2)
      [ -n "${version_of[$slot]}" ] || return 1
    done
  fi
  return 0
}

# manifest_entry SLOT: "package version [release]" recorded for SLOT.
manifest_entry() { awk -v s="$1" '$1 == s { $1 = ""; sub(/^ /, ""); print; exit }' "$manifest"; }

set_manifest_entry() {  # SLOT rest-of-line
  local tmp
  tmp=$(mktemp "$cache/.manifest.XXXXXX")
  awk -v s="$1" '$1 != s' "$manifest" >"$tmp"
  echo "$1 $2" >>"$tmp"
  sort -o "$tmp" "$tmp"
  chmod 0644 "$tmp"
  mv "$tmp" "$manifest"
}

image_magic_ok() { [ "$(od -An -tx1 -j56 -N4 "$1" 2>/dev/null | tr -d ' \n')" = 41524d64 ]; }
aarch64_elf_ok() {
  [ "$(od -An -tx1 -N5 "$1" | tr -d ' \n')" = 7f454c4602 ] &&
    [ "$(od -An -tx1 -j18 -N2 "$1" | tr -d ' \n')" = b700 ]
}

# slot_complete SLOT: what tests need from the slot is there.
slot_complete() {
  local dir="$cache/$1"
  case "$1" in
    busybox) [ -x "$dir/busybox" ] && aarch64_elf_ok "$dir/busybox" ;;
    *) local rel
       rel=$(cat "$dir/kernel-release" 2>/dev/null) || return 1
       [ -n "$rel" ] && image_magic_ok "$dir/Image" && [ -d "$dir/lib/modules/$rel/kernel" ] ;;
  esac
}

workdir=""
cleanup() { [ -z "$workdir" ] || rm -rf "$workdir"; }
trap cleanup EXIT

# download PKG VERSION DIR: apt-get download PKG:arm64=VERSION into DIR. Returns 2
# after refreshing apt's lists when they may be stale (the version left the mirror).
download() {
  if (cd "$3" && apt-get download -q -o APT::Sandbox::User=root "$1:arm64=$2" \
        >/dev/null 2>"$3/apt.err"); then
    return 0
  fi
  if [ "$apt_updated" -eq 0 ] && apt_update; then
    return 2
  fi
  sed 's/^/  apt: /' "$3/apt.err" >&2
  return 1
}

# unpack_kernel DEB RELEASE OUT: vmlinuz, a raw Image, config and modules into OUT.
unpack_kernel() {
  local deb="$1" rel="$2" out="$3" root="$workdir/root"
  rm -rf "$root" && mkdir -p "$root" "$out/lib/modules"
  dpkg-deb -x "$deb" "$root"
  local vmlinuz="$root/boot/vmlinuz-$rel"
  [ -f "$vmlinuz" ] || die "$deb: no boot/vmlinuz-$rel inside"
  [ -d "$root/lib/modules/$rel" ] || die "$deb: no lib/modules/$rel inside"
  mv "$vmlinuz" "$out/vmlinuz-$rel"
  [ -f "$root/boot/config-$rel" ] && mv "$root/boot/config-$rel" "$out/config-$rel"
  mv "$root/lib/modules/$rel" "$out/lib/modules/$rel"
  # Debian's arm64 vmlinuz is either gzip'd or already a raw (EFI-stub) Image.
  if [ "$(od -An -tx1 -N2 "$out/vmlinuz-$rel" | tr -d ' \n')" = 1f8b ]; then
    gzip -dc "$out/vmlinuz-$rel" >"$out/Image"
  else
    ln "$out/vmlinuz-$rel" "$out/Image" 2>/dev/null || cp "$out/vmlinuz-$rel" "$out/Image"
  fi
  image_magic_ok "$out/Image" || die "$deb: vmlinuz-$rel is not an arm64 Image (no ARM\\x64 magic)"
  echo "$rel" >"$out/kernel-release"
  # modules.dep is made at install time, not shipped; build it when depmod is here.
  if command -v depmod >/dev/null; then
    depmod -b "$out" "$rel" 2>/dev/null || log "depmod failed for $rel (modules.dep missing)"
  fi
}

unpack_busybox() {
  local deb="$1" out="$2" root="$workdir/root"
  rm -rf "$root" && mkdir -p "$root" "$out"
  dpkg-deb -x "$deb" "$root"
  [ -f "$root/bin/busybox" ] || die "$deb: no bin/busybox inside"
  mv "$root/bin/busybox" "$out/busybox"
  chmod 0755 "$out/busybox"
  aarch64_elf_ok "$out/busybox" || die "$deb: bin/busybox is not an AArch64 ELF"
}

# fetch_slot SLOT: brings one cache slot up to date with what resolve() found.
# Returns 2 when the download failed and apt's lists were refreshed: resolve again.
fetch_slot() {
  local slot="$1" pkg="${pkg_of[$1]}" version="${version_of[$1]}" rel="${release_of[$1]}"
  local entry="$pkg $version${rel:+ $rel}" rc=0
  if [ "$force" -eq 0 ] && [ "$(manifest_entry "$slot")" = "$entry" ] && slot_complete "$slot"; then
    log "$slot: $pkg $version: up to date in $cache/$slot"
    return 0
  fi
  workdir=$(mktemp -d "$cache/.fetch.XXXXXX")
  download "$pkg" "$version" "$workdir" || rc=$?
  if [ "$rc" -ne 0 ]; then
    rm -rf "$workdir"
    workdir=""
    [ "$rc" -ne 2 ] || return 2
    if slot_complete "$slot"; then
      log "$slot: could not download $pkg $version; keeping $(manifest_entry "$slot")"
      return 0
    fi
    die "$slot: could not download $pkg:arm64=$version"
  fi

  local deb out="$workdir/out"
  deb=$(ls "$workdir"/*.deb)
  if [ "$slot" = busybox ]; then
    unpack_busybox "$deb" "$out"
  else
    unpack_kernel "$deb" "$rel" "$out"
  fi
  rm -rf "$cache/$slot.old"
  [ ! -e "$cache/$slot" ] || mv "$cache/$slot" "$cache/$slot.old"
  mv "$out" "$cache/$slot"
  rm -rf "$cache/$slot.old" "$workdir"
  workdir=""
  set_manifest_entry "$slot" "$entry"
  log "$slot: fetched $pkg $version${rel:+ (kernel $rel)} into $cache/$slot"
}

slots=(cloud)
[ "$want_generic" -eq 0 ] || slots+=(generic)
slots+=(busybox)

# Resolve with the lists apt has; refresh them once if they do not know a package
# or a download shows they are stale.
while :; do
  if ! resolve; then
    if [ "$apt_updated" -eq 1 ] || ! apt_update; then
      die "apt does not know the arm64 packages for: ${slots[*]}"
    fi
    continue
  fi
  again=0
  for slot in "${slots[@]}"; do
    rc=0
    fetch_slot "$slot" || rc=$?
    if [ "$rc" -eq 2 ]; then again=1; break; fi
  done
  [ "$again" -eq 1 ] || break
done
