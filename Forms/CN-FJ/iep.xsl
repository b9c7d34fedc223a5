<?xml version="1.0" encoding="UTF-8"?>
<!-- CN-FJ iep: 个别化教育教学方案 (一人一案, 000 §8, §17) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:template match="/">
    <xsl:call-template name="form-document">
      <xsl:with-param name="title">个别化教育教学方案</xsl:with-param>
      <xsl:with-param name="subtitle" select="/*/*[local-name()='school']/*[local-name()='name']"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
