<?xml version="1.0" encoding="UTF-8"?>
<!-- JP-11 handover register (引継ぎ名簿, seed 003 I 参考 5)): the common table, in Japanese. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/handover-register.xsl"/>
  <xsl:variable name="l-title" select="'個別の教育支援計画等 引継ぎ名簿'"/>
  <xsl:variable name="l-register" select="'名簿番号'"/>
  <xsl:variable name="l-date" select="'日付'"/>
  <xsl:variable name="l-sender" select="'送付元'"/>
  <xsl:variable name="l-recipient" select="'引継ぎ先学校'"/>
  <xsl:variable name="l-purpose" select="'目的'"/>
  <xsl:variable name="l-pupil" select="'児童生徒（番号）'"/>
  <xsl:variable name="l-documents" select="'送付書類（種別 · 文書番号 · 保管番号 · 版 · SHA-256）'"/>
  <xsl:variable name="l-dossier" select="'ファイル'"/>
  <xsl:variable name="l-sent" select="'送付日時'"/>
  <xsl:variable name="l-missing" select="'不足書類'"/>
  <xsl:variable name="l-none" select="'なし'"/>
  <xsl:variable name="l-count" select="'人数'"/>
  <xsl:variable name="l-sign-sender" select="'引継ぎ者（署名）'"/>
  <xsl:variable name="l-sign-recipient" select="'受領者（署名）'"/>
</xsl:stylesheet>
