from .learning import course, courses, home, material_file, quiz
from .manage import (
    assign,
    chase,
    course_manage,
    course_new,
    gaps,
    material_add,
    progress,
    question_add,
    session_detail,
    sessions,
    statements,
)

__all__ = [
    "assign",
    "chase",
    "course",
    "course_manage",
    "course_new",
    "courses",
    "gaps",
    "home",
    "material_add",
    "material_file",
    "progress",
    "question_add",
    "quiz",
    "session_detail",
    "sessions",
    "statements",
]
