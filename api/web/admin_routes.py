"""Placeholder replaced in the next commit."""

from fastapi import APIRouter

router = APIRouter()
