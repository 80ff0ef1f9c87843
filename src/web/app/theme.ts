import type { ThemeConfig } from 'antd';

/** Brand red for buttons, the menu and links' hover; never for focus, which must not read as an error. */
const BRAND = '#b71c1c';
/**
 * Where the keyboard is: a blue ring, distinct from the red border and message of a field in error (antd derives
 * both from the brand colour by default, so a focused field looked refused). Blue is the links' colour too.
 */
const FOCUS = '#1d4ed8';
const FOCUS_HOVER = '#3b6fe0';
const FOCUS_RING = 'rgba(29, 78, 216, 0.18)';

/**
 * A Chinese font first (as global.css's body): Latin-only fonts first would make the browser look up a fallback font
 * for every Chinese character, which on a fresh page costs tens of milliseconds before the first screen (the map's
 * canvas labels measured 77 ms of it on 2 busy cores). WenQuanYi Micro Hei is the usual Chinese font on Linux.
 */
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const focusedField = {
  activeBorderColor: FOCUS,
  hoverBorderColor: FOCUS_HOVER,
  activeShadow: `0 0 0 2px ${FOCUS_RING}`,
};

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorLink: FOCUS,
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
  },
  components: {
    Input: focusedField,
    InputNumber: focusedField,
    DatePicker: focusedField,
    Select: { activeBorderColor: FOCUS, hoverBorderColor: FOCUS_HOVER, activeOutlineColor: FOCUS_RING },
  },
};
