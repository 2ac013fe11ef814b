"""Shared pieces of the rules' bad/good examples (shown by `reportlint explain`, run by the tests)."""

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n"

SIX_SECTIONS = """一、总体情况
2023年，我局主动公开政府信息386条。
二、主动公开政府信息情况
（表二）
三、收到和处理政府信息公开申请情况
（表三）
四、政府信息公开行政复议、行政诉讼情况
（表四）
五、存在的主要问题及改进情况
部分栏目更新不够及时，下一步将完善更新机制。
六、其他需要报告的事项
本年度未收取信息处理费。"""
