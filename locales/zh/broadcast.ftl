command-broadcast = 发送通知（全体或指定对象）
command-broadcasts = 已发通知：送达与学习情况
