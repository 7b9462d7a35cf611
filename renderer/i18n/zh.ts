export const zh = {
  app: {
    name: '情景推演台',
    nameOther: 'Scenario Desk',
    tagline: '基于官方政策文本数据的情景推演',
    version: '版本 {{version}}',
    shellBrowser: '浏览器版',
    shellElectron: '桌面版',
    skipToContent: '跳到主要内容',
    loading: '正在加载…',
  },
  nav: {
    label: '视图',
    data: '数据',
    scenarios: '情景',
    compare: '对比',
    targets: '目标',
    export: '导出',
    shortcutHint: 'Alt+{{n}}',
  },
  settings: {
    language: '语言',
    languageSystem: '跟随系统',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
  },
  notices: {
    settingsQuarantined: '设置文件已损坏，已改用默认设置。原文件已保留为 {{file}}。',
    dismiss: '知道了',
  },
  views: {
    data: { title: '数据', intro: '来源文章中的全部数据，每个数字都附有原句。' },
    scenarios: { title: '情景', intro: '基于数据构建增长路径、目标测算与不确定性分析。', empty: '还没有情景。' },
    compare: { title: '对比', intro: '叠加比较同一指标的多个情景。', empty: '至少需要两个情景才能对比。' },
    targets: { title: '目标', intro: '各项目标能否如期实现。', empty: '还没有可检查的目标。' },
    export: { title: '导出', intro: '导出 Excel 模型与演示用图表图片。', empty: '还没有可导出的内容。' },
  },
  source: {
    citation: '来源：重庆日报 2024年2月《以科技创新为引领 布局建设未来产业》',
  },
} as const;
