<?xml version="1.0" encoding="UTF-8"?>
<!-- CN-FJ handover register (档案材料交接清单, seed 000 §6): the common table, in Chinese. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/handover-register.xsl"/>
  <xsl:variable name="l-title" select="'随班就读学生个人档案材料交接清单'"/>
  <xsl:variable name="l-register" select="'清单编号'"/>
  <xsl:variable name="l-date" select="'日期'"/>
  <xsl:variable name="l-sender" select="'移交单位'"/>
  <xsl:variable name="l-recipient" select="'接收学校'"/>
  <xsl:variable name="l-purpose" select="'事由'"/>
  <xsl:variable name="l-pupil" select="'学生（代码）'"/>
  <xsl:variable name="l-documents" select="'移交材料（类别 · 文号 · 档案编号 · 版本 · SHA-256）'"/>
  <xsl:variable name="l-dossier" select="'档案包'"/>
  <xsl:variable name="l-sent" select="'移交时间'"/>
  <xsl:variable name="l-missing" select="'缺少材料'"/>
  <xsl:variable name="l-none" select="'无'"/>
  <xsl:variable name="l-count" select="'学生人数'"/>
  <xsl:variable name="l-sign-sender" select="'移交人（签字）'"/>
  <xsl:variable name="l-sign-recipient" select="'接收人（签字）'"/>
</xsl:stylesheet>
