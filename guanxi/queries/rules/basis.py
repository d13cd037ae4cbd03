"""The instruments rules cite as their legal basis, written once."""

#: 中共中央 regulation on selecting and appointing Party and government leaders
RULE_BOOK = "《党政领导干部选拔任用工作条例》"
#: the city health system's special-rectification plan (seed document 000)
SEED000 = "《关于在全市卫生健康系统主题教育中深入开展选人用人突出问题专项整治工作的实施方案》"
#: a county bureau's rules for selecting middle managers (seed document 003)
SEED003 = "《安吉县医疗保障局中层干部选拔任用工作制度》"
