// Multipart uploads moved to @candor/testing beside the factories; specs still import them from here.
export { SAMPLE, multipartBody, uploadVersion, type FilePart } from '@candor/testing';
