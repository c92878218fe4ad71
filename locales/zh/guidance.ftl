command-guidance = 月度指引：编写与发布
command-coverage = 指引落实情况（各支部）
command-themedday = 设置本支部主题党日
