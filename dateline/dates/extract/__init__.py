"""dates/extract"""
