DATE_FORMAT = "j E Y"  # 18 marzo 2024
