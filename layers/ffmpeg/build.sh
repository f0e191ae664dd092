#!/usr/bin/env bash
# Builds the ffmpeg Lambda layer content: layers/ffmpeg/build/bin/{ffmpeg,ffprobe}.
# The CDK app zips layers/ffmpeg/build as the layer, so the binaries land at /opt/bin/ffmpeg and
# /opt/bin/ffprobe on Lambda (FFMPEG_PATH / FFPROBE_PATH point there).
#
# The binaries come from npm packages that carry static builds inside their tarballs (their
# install step only runs chmod), pinned by package-lock.json. Statically linked binaries need
# nothing from the host's libc, so they run on Amazon Linux 2023 (the dotnet10 runtime's OS).
#
# Usage: layers/ffmpeg/build.sh [--arch x86_64|arm64]   (default x86_64, like the CDK app)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
arch="x86_64"
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="${2:-}"; shift 2 ;;
    --arch=*) arch="${1#--arch=}"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (expected --arch x86_64|arm64)" >&2; exit 2 ;;
  esac
done

case "$arch" in
  x86_64) npm_cpu="x64"; elf_machine="x86-64" ;;
  arm64) npm_cpu="arm64"; elf_machine="aarch64" ;;
  *) echo "build.sh: --arch must be x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac

for tool in npm file; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: '$tool' is required (apt-get install $tool / nodejs)" >&2; exit 1; }
done

# Install into a scratch folder so an x86_64 and an arm64 build never mix in node_modules.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --os=linux --cpu="$npm_cpu" --no-audit --no-fund --loglevel=error)

out="$here/build"
rm -rf "$out"
mkdir -p "$out/bin"
install -m 0755 "$work/node_modules/@ffmpeg-installer/linux-$npm_cpu/ffmpeg" "$out/bin/ffmpeg"
install -m 0755 "$work/node_modules/@ffprobe-installer/linux-$npm_cpu/ffprobe" "$out/bin/ffprobe"

for bin in ffmpeg ffprobe; do
  description="$(file -b "$out/bin/$bin")"
  case "$description" in
    *"statically linked"*) ;;
    *) echo "build.sh: $bin is not statically linked ($description); it would not run on Amazon Linux 2023" >&2; exit 1 ;;
  esac
  case "$description" in
    *"$elf_machine"*) ;;
    *) echo "build.sh: $bin is not an $elf_machine binary ($description)" >&2; exit 1 ;;
  esac
done

# Run the binaries when the host can (same architecture), so a broken download fails here.
host_arch="$(uname -m)"
if [ "$host_arch" = "$arch" ] || { [ "$host_arch" = "aarch64" ] && [ "$arch" = "arm64" ]; }; then
  "$out/bin/ffmpeg" -hide_banner -version | head -n 1
  "$out/bin/ffprobe" -hide_banner -version | head -n 1
  # What the workflow asks of ffmpeg: decode, select frames with showinfo, JPEG/PNG to a pipe.
  "$out/bin/ffmpeg" -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=10:duration=1 \
    -vf "select='not(mod(n,5))',showinfo" -vsync passthrough -f image2pipe -c:v mjpeg - >/dev/null
  "$out/bin/ffmpeg" -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=10:duration=0.2 \
    -frames:v 1 -f image2pipe -c:v png - >/dev/null
  if ! "$out/bin/ffmpeg" -hide_banner -loglevel quiet -f lavfi -i testsrc2=duration=0.2 -fps_mode passthrough -f null - 2>/dev/null; then
    echo "build.sh: note: this ffmpeg predates -fps_mode (FFmpeg 5.1); callers must pass -vsync passthrough instead"
  fi
else
  echo "build.sh: host is $host_arch; not running the $arch binaries"
fi

# GPL: the layer carries the licence notice next to the binaries (see README.md).
mkdir -p "$out/share/doc/ffmpeg"
cp "$here/NOTICE.txt" "$out/share/doc/ffmpeg/NOTICE.txt"

echo "build.sh: layer content ready in $out ($arch)"
