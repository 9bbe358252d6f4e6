"""The rule data of the IKZ-Berater (YAML only; read by ``rules_loader``).

A package only so that its files are installed with the project (package data).
"""
