DATE_FORMAT = "j E Y"  # 18 Μαρτίου 2024
