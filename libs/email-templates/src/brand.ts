/**
 * The one place for how every email looks: colours, type and the product's name. The white-label work
 * replaces these per tenant; nothing else in the layout names a colour.
 */
export interface Brand {
  productName: string;
  primaryColor: string;
  textColor: string;
  mutedColor: string;
  backgroundColor: string;
  fontFamily: string;
}

export const DEFAULT_BRAND: Brand = {
  productName: 'Candor',
  primaryColor: '#2f5d50',
  textColor: '#1f2933',
  mutedColor: '#52606d',
  backgroundColor: '#f5f7fa',
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans JP', 'Noto Sans TC', Arial, sans-serif",
};
