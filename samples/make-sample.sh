#!/usr/bin/env bash
# Builds the demo input for Storyboard from Debian packages, deterministically:
#   samples/build/sample.mp4              30 s, 1280x720, 25 fps, H.264
#   samples/build/characters/<Name>/*.png reference images (the character sprites)
#   samples/build/truth.json              where each character is, every 0.5 s
# The clip and the truth come from ONE parameter table (TRACKS below), so they cannot drift.
# Needs: ffmpeg, tuxpaint-stamps-default, mate-backgrounds
#   (apt-get install -y ffmpeg tuxpaint-stamps-default mate-backgrounds)
# Re-running is cheap: nothing is rebuilt when the script and its inputs are unchanged.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
stamps=/usr/share/tuxpaint/stamps
backgrounds=/usr/share/backgrounds/mate
W=1280; H=720; FPS=25; SCENE_SECONDS=5

command -v ffmpeg >/dev/null || { echo "make-sample: ffmpeg is missing (apt-get install -y ffmpeg)" >&2; exit 1; }

# name -> stamp file. Dino and Teddy are the characters; the rest are extras and look-alikes.
declare -A STAMP=(
  [Dino]="$stamps/animals/dinosaur/cartoon/dinosaurSings.png"
  [Teddy]="$stamps/animals/mammals/bears/cartoon/teddy_bear.png"
  [edward_bear]="$stamps/animals/mammals/bears/toys/edward_bear.png"
  [brown_bear]="$stamps/animals/mammals/bears/bear.png"
  [european_bear]="$stamps/animals/mammals/bears/european-bear.png"
  [iguana]="$stamps/animals/lizards/iguana.png"
  [lion]="$stamps/animals/mammals/cats/cartoon/lion.png"
  [kangaroo]="$stamps/animals/marsupials/cartoon/kangaroo-silo.png"
)
CHARACTERS=(Dino Teddy)
BACKGROUND=(
  "$backgrounds/nature/Garden.jpg"
  "$backgrounds/nature/Dune.jpg"
  "$backgrounds/nature/Wood.jpg"
  "$backgrounds/nature/GreenMeadow.jpg"
  "$backgrounds/nature/Aqua.jpg"
  "$backgrounds/nature/LadyBird.jpg"
)

# One row per appearance. Times are seconds within the scene; the sprite's top-left corner
# (x, y) and its height h move linearly from the first to the second value over [t0, t1).
# flip=1 mirrors it horizontally. Scenes are SCENE_SECONDS long and numbered from 0.
TRACKS=$(cat <<'TABLE'
# scene name           t0   t1   h0   h1   x0    x1    y0   y1   flip
0       Dino           0    5    200  300  100   400   420  330  0
0       Teddy          0    5    300  300  900   800   300  320  0
0       edward_bear    0    5    220  220  560   600   60   80   0
1       Dino           0    5    560  600  650   560   120  80   1
1       Teddy          0    5    150  190  100   300   520  480  0
1       iguana         0    5    150  150  1000  980   560  560  0
2       Teddy          0    2.5  450  520  1000  1060  150  120  0
2       Teddy          2.5  5    520  600  1060  1100  120  100  1
2       brown_bear     0    5    260  260  80    140   400  400  0
3       Dino           0    5    400  400  -160  220   250  250  0
3       Teddy          0    5    250  250  700   900   560  480  1
3       lion           0    5    220  220  420   440   60   60   0
4       edward_bear    0    5    300  300  150   250   300  300  0
4       lion           0    5    250  260  550   600   100  120  1
4       european_bear  0    5    260  260  850   900   400  380  0
5       Dino           0    2.5  160  300  200   220   520  380  0
5       Dino           2.5  5    300  450  220   240   380  230  1
5       Teddy          0    5    350  350  800   820   200  -120 0
5       kangaroo       0    5    240  240  520   540   420  420  0
TABLE
)
SCENES=${#BACKGROUND[@]}

for f in "${STAMP[@]}" "${BACKGROUND[@]}"; do
  [ -f "$f" ] || { echo "make-sample: missing $f (apt-get install -y tuxpaint-stamps-default mate-backgrounds)" >&2; exit 1; }
done

mkdir -p "$out"
fingerprint=$( { cat "${BASH_SOURCE[0]}"; ffmpeg -version | head -1; } | sha256sum | cut -c1-16)
if [ -f "$out/.fingerprint" ] && [ "$(cat "$out/.fingerprint")" = "$fingerprint" ] \
   && [ -f "$out/sample.mp4" ] && [ -f "$out/truth.json" ]; then
  echo "make-sample: up to date ($out)"
  exit 0
fi
rm -rf "$out/tmp" "$out/characters"
mkdir -p "$out/tmp/sprites"

# Crop every sprite to its opaque pixels so a sprite's rectangle IS the character's box.
declare -A ASPECT
for name in "${!STAMP[@]}"; do
  crop=$(ffmpeg -hide_banner -nostdin -i "${STAMP[$name]}" -vf "alphaextract,bbox=min_val=16" -f null - 2>&1 \
    | grep -o 'crop=[0-9]*:[0-9]*:[0-9]*:[0-9]*' | tail -1)
  ffmpeg -v error -nostdin -y -i "${STAMP[$name]}" -vf "$crop,format=rgba" "$out/tmp/sprites/$name.png"
  IFS=: read -r cw ch _ _ <<<"${crop#crop=}"
  ASPECT[$name]=$(awk -v w="$cw" -v h="$ch" 'BEGIN { printf "%.6f", w / h }')
done

# Reference images: the sprite itself and a half-size copy, per character.
for name in "${CHARACTERS[@]}"; do
  mkdir -p "$out/characters/$name"
  cp "$out/tmp/sprites/$name.png" "$out/characters/$name/${name,,}.png"
  ffmpeg -v error -nostdin -y -i "$out/tmp/sprites/$name.png" -vf "scale=iw/2:-1:flags=area,format=rgba" "$out/characters/$name/${name,,}-small.png"
done

rows() { grep -v '^#' <<<"$TRACKS" | awk -v s="$1" '$1 == s'; }

# Render each scene, then join them without re-encoding (same settings throughout).
: > "$out/tmp/concat.txt"
for ((s = 0; s < SCENES; s++)); do
  inputs=(-f lavfi -i "color=black:s=${W}x${H}:r=$FPS:d=$SCENE_SECONDS" -loop 1 -framerate $FPS -i "${BACKGROUND[$s]}")
  graph="[1]scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1[bg];[0][bg]overlay=shortest=1[v0]"
  i=2; last=v0
  while read -r _ name t0 t1 h0 h1 x0 x1 y0 y1 flip; do
    [ -n "$name" ] || continue
    u="clip((t-$t0)/($t1-$t0)\\,0\\,1)"
    mirror=""; [ "$flip" = 1 ] && mirror=",hflip"
    inputs+=(-loop 1 -framerate $FPS -i "$out/tmp/sprites/$name.png")
    graph+=";[$i]scale=w=-1:h='$h0+($h1-$h0)*$u':eval=frame$mirror[s$i]"
    graph+=";[$last][s$i]overlay=x='$x0+($x1-$x0)*$u':y='$y0+($y1-$y0)*$u':eval=frame:shortest=1:enable='between(t\\,$t0\\,$t1-0.001)'[v$i]"
    last="v$i"; i=$((i + 1))
  done < <(rows "$s")
  ffmpeg -v error -nostdin -y "${inputs[@]}" -filter_complex "$graph" -map "[$last]" -t $SCENE_SECONDS -r $FPS \
    -c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -threads 1 "$out/tmp/scene$s.mp4"
  echo "file 'scene$s.mp4'" >> "$out/tmp/concat.txt"
done
ffmpeg -v error -nostdin -y -f concat -safe 0 -i "$out/tmp/concat.txt" -c copy -movflags +faststart "$out/sample.mp4"

# Ground truth from the same table: every 0.5 s, each appearance's box clipped to the frame.
aspects=$(for n in "${!ASPECT[@]}"; do printf '%s=%s ' "$n" "${ASPECT[$n]}"; done)
grep -v '^#' <<<"$TRACKS" | awk -v W=$W -v H=$H -v S=$SCENE_SECONDS -v SC=$SCENES -v aspects="$aspects" -v chars="${CHARACTERS[*]}" '
  BEGIN {
    n = split(aspects, a, " "); for (k = 1; k <= n; k++) { split(a[k], kv, "="); asp[kv[1]] = kv[2] }
    m = split(chars, c, " "); for (k = 1; k <= m; k++) isChar[c[k]] = 1
  }
  NF >= 11 { r++; sc[r]=$1; nm[r]=$2; t0[r]=$3; t1[r]=$4; h0[r]=$5; h1[r]=$6; x0[r]=$7; x1[r]=$8; y0[r]=$9; y1[r]=$10; fl[r]=$11 }
  function clip(v, lo, hi) { return v < lo ? lo : (v > hi ? hi : v) }
  END {
    printf "{\n  \"video\": \"sample.mp4\", \"width\": %d, \"height\": %d, \"durationSeconds\": %d,\n", W, H, S * SC
    printf "  \"characters\": ["; for (k = 1; k <= m; k++) printf "%s\"%s\"", (k > 1 ? ", " : ""), c[k]; printf "],\n"
    printf "  \"note\": \"box: visible part, ratios of the frame; visibleFraction: share of the sprite inside the frame; objects that are not characters are extras and look-alikes\",\n"
    printf "  \"samples\": [\n"
    first = 1
    for (T = 0.5; T < S * SC; T += 0.5) {
      s = int(T / S); lt = T - s * S
      printf "%s    {\"timeSeconds\": %.2f, \"scene\": %d, \"objects\": [", (first ? "" : ",\n"), T, s; first = 0
      o = 0
      for (k = 1; k <= r; k++) {
        if (sc[k] != s || lt < t0[k] || lt >= t1[k] - 0.001) continue
        u = clip((lt - t0[k]) / (t1[k] - t0[k]), 0, 1)
        h = int(h0[k] + (h1[k] - h0[k]) * u); w = int(h * asp[nm[k]]); w -= w % 2
        x = int(x0[k] + (x1[k] - x0[k]) * u); y = int(y0[k] + (y1[k] - y0[k]) * u)
        l = clip(x, 0, W); tp = clip(y, 0, H); rt = clip(x + w, 0, W); bt = clip(y + h, 0, H)
        vis = (rt > l && bt > tp) ? ((rt - l) * (bt - tp)) / (w * h) : 0
        if (vis <= 0) continue
        printf "%s{\"name\": \"%s\", \"isCharacter\": %s, \"flipped\": %s, \"visibleFraction\": %.3f, \"box\": {\"left\": %.4f, \"top\": %.4f, \"width\": %.4f, \"height\": %.4f}}", \
          (o++ ? ", " : ""), nm[k], (nm[k] in isChar ? "true" : "false"), (fl[k] == 1 ? "true" : "false"), vis, l / W, tp / H, (rt - l) / W, (bt - tp) / H
      }
      printf "]}"
    }
    printf "\n  ]\n}\n"
  }' > "$out/truth.json"

rm -rf "$out/tmp"
echo "$fingerprint" > "$out/.fingerprint"
echo "make-sample: wrote $out/sample.mp4, $out/truth.json and $out/characters/"
