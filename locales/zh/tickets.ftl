command-need = 反映诉求（点单）
command-tickets = 诉求单
