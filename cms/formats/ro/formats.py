DATE_FORMAT = "j E Y"  # 18 martie 2024
