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
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Input: focusedField,
    InputNumber: focusedField,
    DatePicker: focusedField,
    Select: { activeBorderColor: FOCUS, hoverBorderColor: FOCUS_HOVER, activeOutlineColor: FOCUS_RING },
  },
};
