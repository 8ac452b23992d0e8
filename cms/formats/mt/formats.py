# Maltese, which Django does not format: dates as the Unicode CLDR writes them.
DATE_FORMAT = r"j \t\a’ E Y"  # 18 ta’ Marzu 2024
DATETIME_FORMAT = r"j \t\a’ E Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = r"j \t\a’ E"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3  # 12,000
