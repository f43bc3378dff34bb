/** The agency's brand: what every member sees, and the owner's settings and logo. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Brand = Schemas['BrandResponse'];
export type BrandSettings = Schemas['BrandSettingsResponse'];
export type BrandPatch = Schemas['UpdateBrandDto'];

/** The owner gets the stored settings too; everyone else what they see. */
export function getBrand(): Promise<Brand | BrandSettings> {
  return unwrap(api.GET('/api/v1/brand'));
}

export function updateBrand(patch: BrandPatch): Promise<BrandSettings> {
  return unwrap(api.PATCH('/api/v1/brand', { body: patch }));
}

/** Sends the logo as multipart/form-data; the API decides its type from the bytes. */
export function uploadLogo(file: File): Promise<BrandSettings> {
  const form = new FormData();
  form.append('logo', file, file.name);
  return unwrap(api.PUT('/api/v1/brand/logo', { body: { logo: '' }, bodySerializer: () => form }));
}

export function removeLogo(): Promise<BrandSettings> {
  return unwrap(api.DELETE('/api/v1/brand/logo'));
}

export const isBrandSettings = (brand: Brand | BrandSettings): brand is BrandSettings => 'storedColor' in brand;
