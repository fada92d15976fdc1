import { Badge, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Latin first, then CJK fonts; app/global.css picks the HK or Mainland glyph forms by the page's lang. */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, var(--liaison-cjk-fonts), sans-serif';

/**
 * Mantine's teal with darker 7–9: text in the primary colour, on white or on its own light
 * tint (active navigation, light badges), then meets WCAG AA contrast (4.5:1).
 */
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0b8a66', '#087358', '#06614a'];

export const theme = createTheme({
  colors: { teal },
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily,
  headings: {
    fontFamily,
    sizes: {
      h1: { fontSize: '2rem', lineHeight: '1.3' },
      h2: { fontSize: '1.5rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    // Names of parties and roles are not shouted: Chinese has no capitals and English names keep theirs.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});

/** Secondary text and error messages dark enough to read (WCAG AA contrast): Mantine's default grey is too light. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
