<?xml version="1.0" encoding="UTF-8"?>
<!-- JP-11 iep: 個別の教育支援計画 / 個別の指導計画 (title from the record's planType) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title" select="/*/*[local-name()='jp']/*[local-name()='planType']"/>
      <xsl:with-param name="subtitle" select="/*/*[local-name()='school']/*[local-name()='name']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
