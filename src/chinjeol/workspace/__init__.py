"""The signed-in person's first page (오늘 할 일 and the figures of their role) and the personal-data access log.

It sits just above the organisation: it reads departments and staff, and nothing below it reads it back.
"""
