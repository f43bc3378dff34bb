// The client moved to @candor/testing beside the factories; specs still import it from here.
export { Api, type ApiResponse } from '@candor/testing';
