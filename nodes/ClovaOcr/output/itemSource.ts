import type { IdCardResponse, ImageResult } from '../response/schema';

/** Which image and call an output item came from. */
export interface ImageSource {
	imageName: string | null;
	requestId: string | null;
	uid: string | null;
}

export function imageSourceOf(response: IdCardResponse, image: ImageResult): ImageSource {
	return {
		imageName: image.name ?? null,
		requestId: response.requestId ?? null,
		uid: image.uid ?? null,
	};
}
