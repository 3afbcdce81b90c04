package dev.badgeworks.badge.entity;

/** The type of a custom field's or an org meta tag's value; values are stored as text and must parse as it. */
public enum DataType { INTEGER, BOOLEAN, DATE, STRING }
