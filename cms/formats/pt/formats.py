DATE_FORMAT = r"j \d\e E \d\e Y"  # 18 de março de 2024
