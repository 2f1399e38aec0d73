#!/usr/bin/env bash
# Generates the synthetic specimen ID cards in samples/ (committed, so nothing needs
# ImageMagick at run time). No real person's data: the values are the ones the CLOVA
# emulator's ic-specimen / dl-specimen scenarios answer with (홍길동, 800101-1234560, ...),
# and every card says 견본 / SPECIMEN.
#
#   apt-get install -y imagemagick fonts-nanum   # once
#   bash tools/samples/generate.sh             # writes samples/*
#   bash tools/samples/generate.sh OUT business receipt   # only these into OUT
#   (documents: cards, business, receipt, contract, form; default all)
#
# Also a synthetic business registration certificate (사업자등록증, a fictional corporation:
# the values of the emulator's biz-specimen) and a store receipt (receipt-specimen), same rules;
# a three-page contract (용역 계약서, contract.pdf and its first page as contract-page1.png, read
# by the emulator's General OCR) and a business-trip request form (출장 신청서, form.png/.jpg,
# the emulator's Template OCR), whose text is in document-layouts.ts. After redrawing those
# two, re-measure their words: npx tsx tools/samples/measure-words.ts (writes the emulator's
# general-contract and template-form fixtures).
#
# Each file carries the emulator marker `CLOVA-EMULATOR:scenario=<name>` as plain bytes
# (JPEG COM segment, PNG tEXt chunk, TIFF ImageDescription, PDF comment and Info), so the
# emulator (tools/clova-emulator) answers it with the right scenario whatever its file name.
# PDF: Debian's ImageMagick policy forbids writing PDF, so make-pdf.mjs wraps the JPEG
# in a one-page PDF itself (DCTDecode), with Node only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/samples}"
shift $(($# > 0 ? 1 : 0))
documents=("${@:-all}")
wants() { [[ " ${documents[*]} " == *" all "* || " ${documents[*]} " == *" $1 "* ]]; }
fonts=/usr/share/fonts/truetype/nanum
GOTHIC="$fonts/NanumGothic.ttf"
GOTHIC_B="$fonts/NanumGothicBold.ttf"
BARUN_B="$fonts/NanumBarunGothicBold.ttf"
MYEONGJO="$fonts/NanumMyeongjo.ttf"
MYEONGJO_B="$fonts/NanumMyeongjoBold.ttf"
CODING="$fonts/NanumGothicCoding.ttf"
CODING_B="$fonts/NanumGothicCodingBold.ttf"
SQUARE_B="$fonts/NanumSquareB.ttf"

if command -v magick >/dev/null 2>&1; then IM=(magick); else IM=(convert); fi
for f in "$GOTHIC" "$GOTHIC_B" "$BARUN_B" "$MYEONGJO" "$MYEONGJO_B" "$CODING" "$CODING_B" "$SQUARE_B"; do
	[[ -f "$f" ]] || { echo "missing font $f: apt-get install -y fonts-nanum" >&2; exit 1; }
done
command -v "${IM[0]}" >/dev/null || { echo "ImageMagick missing: apt-get install -y imagemagick" >&2; exit 1; }

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

W=856
H=540
# Deterministic output: no timestamps or other run-dependent chunks.
STRIP=(-strip +set date:create +set date:modify -define png:exclude-chunks=date,time)

# A pale security-print background: two interfering sine line sets over a colour wash.
background() { # $1 = base colour, $2 = line colour, $3 = output
	"${IM[@]}" -size "${W}x${H}" xc: -fx "0.5+0.5*sin(i/7+9*sin(j/41)+3*sin(i/97))" -threshold 93% \
		-alpha copy -fill "$2" -colorize 100 \
		\( -size "${W}x${H}" xc:"$1" \) +swap -compose over -composite "$3"
}

# A photo placeholder: grey box with a head-and-shoulders silhouette (no face).
photo() { # $1 = width, $2 = height, $3 = output
	local w=$1 h=$2
	local cx=$((w / 2)) hy=$((h * 38 / 100)) hr=$((w * 22 / 100))
	"${IM[@]}" -size "${w}x${h}" gradient:'#e9edf1'-'#c9d0d8' \
		-fill '#8d98a5' -stroke none \
		-draw "circle $cx,$hy $cx,$((hy - hr))" \
		-draw "ellipse $cx,$((h + h / 8)) $((w * 46 / 100)),$((h * 42 / 100)) 180,360" \
		-fill none -stroke '#5f6b78' -strokewidth 2 -draw "rectangle 1,1 $((w - 2)),$((h - 2))" \
		-font "$GOTHIC" -pointsize 15 -fill '#4a5560' -stroke none -gravity south -annotate +0+8 '사진 PHOTO' \
		"$3"
}

# A red square official seal with two characters stacked (synthetic, not a real seal).
seal() { # $1 = size, $2 = text line 1, $3 = text line 2, $4 = output
	local s=$1
	"${IM[@]}" -size "${s}x${s}" xc:none -fill none -stroke '#c8102e' -strokewidth 4 \
		-draw "rectangle 3,3 $((s - 4)),$((s - 4))" -stroke none -fill '#c8102e' \
		-font "$MYEONGJO_B" -pointsize $((s * 30 / 100)) -gravity center \
		-annotate +0-$((s * 17 / 100)) "$2" -annotate +0+$((s * 19 / 100)) "$3" \
		-channel A -evaluate multiply 0.85 +channel "$4"
}

# 견본 / SPECIMEN marks: a diagonal watermark and a stamp box.
specimen_marks() { # $1 = input, $2 = output
	"${IM[@]}" "$1" \
		\( -size "${W}x${H}" xc:none -font "$SQUARE_B" -pointsize 120 -fill 'rgba(200,16,46,0.16)' \
			-gravity center -annotate -18x-18+0+0 '견본 SPECIMEN' \) -compose over -composite \
		-fill 'rgba(255,255,255,0.75)' -stroke '#c8102e' -strokewidth 3 -draw 'roundrectangle 636,18 836,66 6,6' \
		-stroke none -fill '#c8102e' -font "$SQUARE_B" -pointsize 24 -gravity northwest \
		-annotate +652+29 '견본 SPECIMEN' \
		"$2"
}

# ---------------------------------------------------------------- 주민등록증
resident_card() { # $1 = output (png, lossless master)
	background '#f6f3ee' '#d9e3ef' "$work/ic-bg.png"
	photo 208 262 "$work/ic-photo.png"
	seal 62 '종로' '구청장' "$work/ic-seal.png"
	"${IM[@]}" "$work/ic-bg.png" \
		-fill '#c7d5e6' -draw 'rectangle 0,0 856,10' \
		-font "$BARUN_B" -fill '#1f2d3d' -pointsize 46 -gravity northwest -kerning 14 -annotate +48+40 '주민등록증' \
		-kerning 0 \
		-font "$GOTHIC_B" -pointsize 40 -annotate +52+128 '홍길동' \
		-font "$GOTHIC" -pointsize 28 -annotate +200+136 '(洪吉童)' \
		-font "$GOTHIC_B" -pointsize 34 -annotate +52+196 '800101-1234560' \
		-font "$GOTHIC" -pointsize 25 -fill '#2a3644' -annotate +52+272 '서울특별시 종로구 세종대로 209' \
		-pointsize 20 -fill '#5b6673' -annotate +52+310 '(세종로)' \
		-font "$GOTHIC" -pointsize 26 -fill '#1f2d3d' -annotate +352+400 '2020.08.16.' \
		-font "$MYEONGJO_B" -pointsize 32 -annotate +272+446 '서울특별시 종로구청장' \
		"$work/ic-seal.png" -gravity northwest -geometry +626+434 -composite \
		"$work/ic-photo.png" -gravity northwest -geometry +600+112 -composite \
		-fill none -stroke '#9fb3c8' -strokewidth 2 -draw 'roundrectangle 4,4 851,535 28,28' \
		"$work/ic-card.png"
	specimen_marks "$work/ic-card.png" "$1"
}

# ---------------------------------------------------------------- 자동차운전면허증
driver_license() { # $1 = output (png, lossless master)
	background '#eef3f0' '#cfe3d8' "$work/dl-bg.png"
	photo 196 250 "$work/dl-photo.png"
	seal 64 '서울' '경찰청' "$work/dl-seal.png"
	"${IM[@]}" "$work/dl-bg.png" \
		-fill '#2e6b55' -draw 'rectangle 0,0 856,84' \
		-font "$BARUN_B" -fill white -pointsize 36 -gravity northwest -annotate +40+14 '자동차운전면허증' \
		-font "$GOTHIC" -pointsize 19 -annotate +40+56 "Driver's License" \
		-font "$GOTHIC" -fill '#1f2d3d' -pointsize 16 \
		-annotate +40+96 '1종대형 1종보통 1종소형 특수(대형견인,소형견인,구난) 2종보통 2종소형 원동기' \
		"$work/dl-photo.png" -gravity northwest -geometry +40+132 -composite \
		-font "$GOTHIC_B" -fill '#1f2d3d' -pointsize 38 -annotate +262+128 '11-00-123456-10' \
		-font "$GOTHIC" -fill '#5b6673' -pointsize 17 -annotate +262+192 '성명' \
		-font "$GOTHIC_B" -fill '#1f2d3d' -pointsize 30 -annotate +330+184 '홍길동' \
		-font "$GOTHIC" -fill '#5b6673' -pointsize 17 -annotate +262+238 '주민번호' \
		-font "$GOTHIC_B" -fill '#1f2d3d' -pointsize 26 -annotate +350+232 '800101-1234560' \
		-font "$GOTHIC" -fill '#5b6673' -pointsize 17 -annotate +262+282 '주소' \
		-font "$GOTHIC" -fill '#1f2d3d' -pointsize 23 -annotate +330+278 '서울시 종로구 세종대로 209' \
		-font "$GOTHIC" -fill '#5b6673' -pointsize 17 -annotate +262+330 '적성검사기간' \
		-font "$GOTHIC_B" -fill '#1f2d3d' -pointsize 23 -annotate +386+325 '2029.01.01 ~ 2029.12.31' \
		-font "$GOTHIC" -fill '#5b6673' -pointsize 17 -annotate +262+370 '조건' \
		-font "$GOTHIC" -fill '#1f2d3d' -pointsize 20 -annotate +330+367 '없음' \
		-fill '#2e6b55' -draw 'roundrectangle 560,362 700,392 8,8' \
		-font "$GOTHIC_B" -fill white -pointsize 17 -annotate +574+367 '장기·조직기증' \
		-font "$GOTHIC_B" -fill '#1f2d3d' -pointsize 22 -annotate +92+396 'H1A2B3' \
		-font "$GOTHIC" -pointsize 24 -annotate +430+430 '2019.09.10' \
		-font "$MYEONGJO_B" -pointsize 32 -annotate +392+470 '서울지방경찰청장' \
		"$work/dl-seal.png" -gravity northwest -geometry +672+456 -composite \
		-fill none -stroke '#9cbfae' -strokewidth 2 -draw 'roundrectangle 4,4 851,535 28,28' \
		"$work/dl-card.png"
	specimen_marks "$work/dl-card.png" "$1"
}

# 견본 / SPECIMEN marks on a page of any size: a diagonal watermark and a stamp box top right.
page_specimen_marks() { # $1 = input, $2 = output, $3 = watermark pointsize
	local w h
	w=$("${IM[@]}" "$1" -format '%w' info:)
	h=$("${IM[@]}" "$1" -format '%h' info:)
	"${IM[@]}" "$1" \
		\( -size "${w}x${h}" xc:none -font "$SQUARE_B" -pointsize "$3" -fill 'rgba(200,16,46,0.14)' \
			-gravity center -annotate -35x-35+0+0 '견본 SPECIMEN' \) -compose over -composite \
		-fill 'rgba(255,255,255,0.75)' -stroke '#c8102e' -strokewidth 3 \
		-draw "roundrectangle $((w - 220)),18 $((w - 20)),66 6,6" \
		-stroke none -fill '#c8102e' -font "$SQUARE_B" -pointsize 24 -gravity northwest \
		-annotate +$((w - 204))+29 '견본 SPECIMEN' \
		"$2"
}

# ---------------------------------------------------------------- 사업자등록증 (법인사업자)
# A4 at 150 dpi (1240×1754). A fictional corporation: registration number 201-86-12345 and
# corporate number 110111-1234569 pass their check digits; 800101-1234560 and 850315-2345678
# pass the resident-number rule. The values are those of the emulator's biz-specimen.
business_registration() { # $1 = output (png, lossless master)
	local W=1240 H=1754 L=120 V=420 R=700 RV=890
	seal 96 '중부' '세무서' "$work/bl-seal.png"
	"${IM[@]}" -size "${W}x${H}" xc:'#fdfdfb' \
		-fill none -stroke '#3b3b3b' -strokewidth 3 -draw "rectangle 60,60 $((W - 60)),$((H - 60))" \
		-strokewidth 1 -draw "rectangle 72,72 $((W - 72)),$((H - 72))" -stroke none \
		-font "$GOTHIC" -fill '#555555' -pointsize 18 -gravity northwest -annotate +100+96 '발급번호 : 견본-0000-000000' \
		-font "$MYEONGJO_B" -fill '#111111' -pointsize 60 -gravity north -annotate +0+150 '사 업 자 등 록 증' \
		-font "$MYEONGJO" -pointsize 30 -annotate +0+236 '(법인사업자)' \
		-gravity northwest \
		-font "$GOTHIC_B" -pointsize 32 -annotate +370+300 '등록번호 :' -annotate +560+300 '201-86-12345' \
		-font "$GOTHIC" -fill '#333333' -pointsize 24 \
		-annotate +$L+400 '법인명(단체명) :' -annotate +$L+462 '상         호 :' \
		-annotate +$L+524 '대   표   자 :' -annotate +$R+524 '생 년 월 일 :' \
		-annotate +$L+586 '주민등록번호 :' \
		-annotate +$L+648 '공 동 대 표 :' -annotate +$R+648 '주민등록번호 :' \
		-annotate +$L+710 '개 업 연 월 일 :' -annotate +$R+710 '법인등록번호 :' \
		-annotate +$L+772 '사업장 소재지 :' -annotate +$L+834 '본 점 소재지 :' \
		-annotate +$L+896 '사업의 종류 :' -annotate +$((V - 10))+896 '업태' -annotate +$((R - 10))+896 '종목' \
		-annotate +$L+1010 '발 급 사 유 :' -annotate +$L+1072 '공 동 사 업 자 :' \
		-annotate +$L+1134 '사업자 단위 과세 적용사업자 여부 :      여 (   )   부 ( V )' \
		-annotate +$L+1196 '전자세금계산서 전용 전자우편주소 :' \
		-font "$GOTHIC" -fill '#111111' -pointsize 26 \
		-annotate +$V+398 '주식회사 견본소프트' -annotate +$V+460 '견본소프트' \
		-annotate +$V+522 '홍길동' -annotate +$RV+522 '1980년 01월 01일' \
		-annotate +$V+584 '800101-1234560' \
		-annotate +$V+646 '성춘향' -annotate +$RV+646 '850315-2345678' \
		-annotate +$V+708 '2015 년 03 월 02 일' -annotate +$RV+708 '110111-1234569' \
		-annotate +$V+770 '서울특별시 중구 견본로 12, 3층 (견본동)' \
		-annotate +$V+832 '서울특별시 종로구 견본길 34, 5층' \
		-annotate +$((V + 50))+894 '서비스업' -annotate +$((R + 50))+894 '응용 소프트웨어 개발 및 공급업' \
		-annotate +$((V + 50))+940 '도매 및 소매업' -annotate +$((R + 50))+940 '전자상거래 소매업' \
		-annotate +$V+1008 '재발급' \
		-font "$MYEONGJO" -pointsize 32 -gravity north -annotate +0+1320 '2024 년 05 월 20 일' \
		-font "$MYEONGJO_B" -pointsize 46 -annotate +0+1410 '중부세무서장' \
		"$work/bl-seal.png" -gravity northwest -geometry +800+1386 -composite \
		-font "$GOTHIC" -fill '#555555' -pointsize 18 -gravity northwest \
		-annotate +100+1620 '이 사업자등록증은 견본입니다. 실제 사업자가 아닙니다 (synthetic specimen, no real business).' \
		"$work/bl-page.png"
	page_specimen_marks "$work/bl-page.png" "$1" 150
}

# ---------------------------------------------------------------- 영수증 (카드 영수증)
# An 80 mm thermal receipt (576 px wide), a fictional store: 사업자번호 101-81-56785 passes
# its check digit; the four items add up to the total. The values of receipt-specimen.
receipt() { # $1 = output (png, lossless master)
	local W=576 H=1280
	local rule="----------------------------------------------------"
	"${IM[@]}" -size "${W}x${H}" xc:'#fbfbf8' -fill '#222222' \
		-font "$GOTHIC_B" -pointsize 40 -gravity north -annotate +0+80 '견본마트' \
		-font "$GOTHIC" -pointsize 24 -annotate +0+138 '종로점' \
		-gravity northwest -font "$CODING" -pointsize 20 \
		-annotate +30+190 '사업자번호' -annotate +160+190 '101-81-56785' -annotate +380+190 '대표 홍길동' \
		-annotate +30+224 '서울특별시 종로구 견본로 56' \
		-annotate +30+258 'TEL' -annotate +80+258 '(02)123-4567' \
		-annotate +20+290 "$rule" \
		-annotate +30+320 '[구매]' -annotate +120+320 '2020-04-16' -annotate +260+320 '15:28:43' \
		-annotate +20+352 "$rule" \
		-annotate +30+380 '상품명' -gravity northeast -annotate +236+380 '단가' -annotate +156+380 '수량' -annotate +30+380 '금액' \
		-gravity northwest -annotate +20+410 "$rule" \
		-annotate +30+440 '서울우유 1000ml' -gravity northeast -annotate +236+440 '2,980' -annotate +164+440 '1' -annotate +30+440 '2,980' \
		-gravity northwest -annotate +46+470 '8800000000015' \
		-annotate +30+506 '신라면 5입' -gravity northeast -annotate +236+506 '3,950' -annotate +164+506 '2' -annotate +30+506 '7,900' \
		-gravity northwest -annotate +46+536 '8800000000022' \
		-annotate +30+572 '바나나' -gravity northeast -annotate +236+572 '4,480' -annotate +164+572 '1' -annotate +30+572 '4,480' \
		-gravity northwest -annotate +46+602 '8800000000039' \
		-annotate +30+638 '생수 2L*6' -gravity northeast -annotate +236+638 '3,990' -annotate +164+638 '1' -annotate +30+638 '3,990' \
		-gravity northwest -annotate +46+668 '8800000000046' \
		-annotate +20+700 "$rule" \
		-annotate +30+730 '소    계' -gravity northeast -annotate +30+730 '19,350' \
		-gravity northwest -annotate +30+762 '할    인' -gravity northeast -annotate +30+762 '0' \
		-gravity northwest -annotate +30+794 '부 가 세' -gravity northeast -annotate +30+794 '1,759' \
		-gravity northwest -annotate +20+826 "$rule" \
		-font "$CODING_B" -pointsize 26 -annotate +30+856 '합    계' -gravity northeast -annotate +30+856 '19,350' \
		-font "$CODING" -pointsize 20 -gravity northwest -annotate +30+896 '카드결제' -gravity northeast -annotate +30+896 '19,350' \
		-gravity northwest -annotate +20+928 "$rule" \
		-annotate +30+958 '카드사' -annotate +160+958 '국민카드' \
		-annotate +30+990 '카드번호' -annotate +160+990 '9410-61**-****-123*' \
		-annotate +30+1022 '승인번호' -annotate +160+1022 '30012345' \
		-annotate +20+1054 "$rule" \
		-font "$GOTHIC" -pointsize 18 -fill '#555555' -gravity north \
		-annotate +0+1100 '견본 영수증입니다. 실제 거래가 아닙니다.' \
		-annotate +0+1130 '(synthetic specimen receipt, no real purchase)' \
		"$work/rc-page.png"
	page_specimen_marks "$work/rc-page.png" "$1" 70
}

# ---------------------------------------------------------------- 용역 계약서, 출장 신청서
# The text and rules are in document-layouts.ts, which prints the ImageMagick arguments that
# draw a page (one per line); measure-words.ts measures the words from the same layout.
layout_args() { # $@ = document-layouts.ts arguments
	(cd "$repo" && npx --no-install tsx "$here/document-layouts.ts" "$@")
}

layout_page() { # $1 = width, $2 = height, $3 = watermark pointsize, $4 = output, $5... = layout
	local width=$1 height=$2 points=$3 output=$4 args=()
	shift 4
	mapfile -t args < <(layout_args "$@")
	((${#args[@]} > 0)) || { echo "document-layouts.ts $* printed nothing" >&2; exit 1; }
	"${IM[@]}" -size "${width}x${height}" xc:'#fdfdfb' "${args[@]}" "$work/layout.png"
	page_specimen_marks "$work/layout.png" "$output" "$points"
}

marker() { echo "CLOVA-EMULATOR:scenario=$1"; }

# JPEG (COM segment), PNG (uncompressed tEXt "comment"), TIFF (ImageDescription),
# PDF (make-pdf.mjs). PNG and TIFF are reduced to 256 colours to stay small.
write_formats() { # $1 = master png, $2 = base name, $3 = scenario, $4... = formats
	local master=$1 base=$2 scenario=$3
	shift 3
	"${IM[@]}" "$master" -background white -alpha remove -alpha off "$work/$base.flat.png"
	master="$work/$base.flat.png"
	local comment
	comment="$(marker "$scenario") (synthetic specimen card for n8n-nodes-clova-ocr; no real person)"
	for fmt in "$@"; do
		case "$fmt" in
			jpg) "${IM[@]}" "$master" "${STRIP[@]}" -sampling-factor 4:2:0 -quality 85 -set comment "$comment" "$out/$base.jpg" ;;
			# no -strip here: for PNG it drops the text chunks, the marker included
			png) "${IM[@]}" "$master" +set date:create +set date:modify -define png:exclude-chunks=date,time,bKGD -dither None -colors 256 -define png:compression-level=9 \
				-set comment "$comment" "PNG8:$out/$base.png" ;;
			tiff) "${IM[@]}" "$master" "${STRIP[@]}" -dither None -colors 256 -compress zip \
				-set comment "$comment" "$out/$base.tiff" ;;
			pdf) "${IM[@]}" "$master" "${STRIP[@]}" -sampling-factor 4:2:0 -quality 85 "$work/$base.pdf.jpg"
				node "$here/make-pdf.mjs" "$work/$base.pdf.jpg" "$out/$base.pdf" "$(marker "$scenario")" ;;
		esac
	done
}

if wants cards; then
	resident_card "$work/resident-card.png"
	driver_license "$work/driver-license.png"
	write_formats "$work/resident-card.png" resident-card ic-specimen jpg png pdf tiff
	write_formats "$work/driver-license.png" driver-license dl-specimen jpg png pdf tiff

	# Unreadable: the resident card out of focus and washed out (CLOVA answers inferResult ERROR).
	"${IM[@]}" "$work/resident-card.png" -blur 0x14 -modulate 115,40 -brightness-contrast 25x-45 \
		-fill 'rgba(255,255,255,0.75)' -stroke '#c8102e' -strokewidth 3 -draw 'roundrectangle 636,18 836,66 6,6' \
		-stroke none -fill '#c8102e' -font "$SQUARE_B" -pointsize 24 -gravity northwest \
		-annotate +652+29 '견본 SPECIMEN' "$work/unreadable.png"
	write_formats "$work/unreadable.png" unreadable infer-error jpg
fi
if wants business; then
	business_registration "$work/business-registration.png"
	write_formats "$work/business-registration.png" business-registration biz-specimen jpg png
fi
if wants receipt; then
	receipt "$work/receipt.png"
	write_formats "$work/receipt.png" receipt receipt-specimen jpg png
fi
if wants contract; then
	# Three A4 pages; the PDF holds each page's PNG rows as they are (pdf-pages.ts), so its pages
	# are pixel for pixel the PNGs (page 1 is also contract-page1.png).
	pages=()
	for page in 1 2 3; do
		layout_page 1240 1754 150 "$work/contract-$page.png" contract "$page"
		"${IM[@]}" "$work/contract-$page.png" -background white -alpha remove -alpha off "${STRIP[@]}" \
			-define png:exclude-chunks=date,time,bKGD -dither None -colors 256 -define png:compression-level=9 \
			"PNG8:$work/contract-$page.page.png"
		pages+=("$work/contract-$page.page.png")
	done
	(cd "$repo" && npx --no-install tsx "$here/pdf-pages.ts" "$out/contract.pdf" "$(marker general-contract)" "${pages[@]}")
	write_formats "$work/contract-1.png" contract-page1 general-contract-page1 png
fi
if wants form; then
	layout_page 1240 874 100 "$work/form.png" form
	write_formats "$work/form.png" form template-success jpg png
fi

ls -l "$out"
