import type { IdCardResponse, ImageResult } from '../response/schema';

/** Which image and call an output item came from. */
export interface ItemSource {
	imageName: string | null;
	requestId: string | null;
	uid: string | null;
}

export function itemSourceOf(response: IdCardResponse, image: ImageResult): ItemSource {
	return {
		imageName: image.name ?? null,
		requestId: response.requestId ?? null,
		uid: image.uid ?? null,
	};
}
