"""vanthu: Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) from data and templates."""

__version__ = "0.2.0"
