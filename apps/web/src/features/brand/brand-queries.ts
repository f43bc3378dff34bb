import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getBrand, removeLogo, updateBrand, uploadLogo, type BrandPatch, type BrandSettings } from './brand-endpoints';

export const BRAND_KEY = ['brand'] as const;

export function useBrand(enabled = true) {
  return useQuery({ queryKey: BRAND_KEY, queryFn: getBrand, staleTime: 5 * 60_000, enabled });
}

/** Every brand change answers the owner's settings: the shell and the page repaint from them at once. */
function useBrandMutation<Input>(call: (input: Input) => Promise<BrandSettings>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (brand) => queryClient.setQueryData(BRAND_KEY, brand) });
}

export const useUpdateBrand = () => useBrandMutation((patch: BrandPatch) => updateBrand(patch));
export const useUploadLogo = () => useBrandMutation((file: File) => uploadLogo(file));
export const useRemoveLogo = () => useBrandMutation(() => removeLogo());
