/** A JPEG marker segment: 0xFF, the marker, the 2-byte length (itself included), the data. */
export function jpegSegment(marker: number, data: readonly number[]): number[] {
	return [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
}
